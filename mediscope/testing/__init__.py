"""Test utilities other areas import: a loopback OpenAI-compatible server and scripted answers.

from mediscope.testing import ChatServer, Fault, position_biased_judge

with ChatServer(responder=position_biased_judge(), latency=0.0) as server:
    ...  # point mediscope.llm.LLMClient (or openai.AsyncOpenAI) at server.base_url
"""

from mediscope.testing.chat_server import ChatServer, Fault, RecordedRequest, Reply, last_user_content
from mediscope.testing.scripted import (
    absolute_responder,
    absolute_verdict,
    expand_responder,
    judge_responder,
    length_judge,
    pairwise_verdict,
    parse_task,
    position_biased_judge,
    scripted_dialogue,
    task_router,
)
from mediscope.testing.server_process import ChatServerProcess

__all__ = [
    "ChatServer",
    "ChatServerProcess",
    "Fault",
    "RecordedRequest",
    "Reply",
    "last_user_content",
    "absolute_responder",
    "absolute_verdict",
    "expand_responder",
    "judge_responder",
    "length_judge",
    "pairwise_verdict",
    "parse_task",
    "position_biased_judge",
    "scripted_dialogue",
    "task_router",
]
