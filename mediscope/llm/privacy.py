"""The privacy gate: nothing that has not passed de-identification may leave the machine.

Every code path that sends record content to an LLM goes through `require_deidentified`, so
the rule is enforced in one place rather than trusted to each caller.
"""

from __future__ import annotations

from mediscope.record import DeidStatus, Record

NOT_DEIDENTIFIED = "not_deidentified"


class PrivacyGateError(Exception):
    """A record that has not passed de-identification was about to be sent."""

    reason = NOT_DEIDENTIFIED


def require_deidentified(record: Record) -> None:
    """Raise unless `record.deid.status` is `passed`."""
    status = record.deid.status
    if status != DeidStatus.passed:
        value = status.value if isinstance(status, DeidStatus) else str(status)
        raise PrivacyGateError(f"record {record.id} has de-identification status {value!r}, not 'passed'")
