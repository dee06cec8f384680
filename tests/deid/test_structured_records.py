"""PHI read by position or key in machine records pasted into text: HL7 v2 segments, FHIR/JSON, key=value
logs, DICOM header dumps and delimited tables with a header line. Every value here is made up for the
test and found in no data file; the negatives are fields and tables that hold no PHI."""

from __future__ import annotations

import pytest

from mediscope.deid import deidentify_text
from mediscope.deid.recognizers.structured_records import _hl7_spans, _json_spans, _log_spans, _table_spans


def _found(text: str, lang: str = "en", entity: str | None = None) -> list[str]:
    return [text[s.start : s.end] for s in deidentify_text(text, lang).spans if entity is None or s.entity_type == entity]


def _typed(spans, text: str) -> dict[str, str]:
    return {text[a:b]: t for a, b, t in spans}


class TestHl7Segments:
    MESSAGE = ("MSH|^~\\&|ADT|NHOSP|LAB|NHOSP|202601170815||ADT^A01|77|P|2.4\n"
               "PID|1||K77120458^^^NHOSP^MR||TREMBLAY^ODILE^M||19610304|F|||88 Rue Laval^^Gatineau^QC^J8Y 3B2||819-555-0187|||||"
               "AC9910234|123-45-6780\n"
               "NK1|1|TREMBLAY^GASTON|SPO||819-555-0144\n"
               "PV1|1|I|MED^4^2||||4471902^BEAUDOIN^Serge^^^^MD\n"
               "OBX|1|NM|K^Potassium||5.9|mmol/L|3.5-5.1|H|||F|||202601170930")

    def test_each_field_is_read_with_its_type(self):
        found = _typed(_hl7_spans(self.MESSAGE), self.MESSAGE)
        assert found["K77120458"] == "MEDICAL_RECORD_NUMBER"
        assert found["TREMBLAY^ODILE^M"] == "PERSON"
        assert found["19610304"] == "DATE_TIME"
        assert found["88 Rue Laval"] == "LOCATION" and found["Gatineau"] == "LOCATION"
        assert found["J8Y 3B2"] == "ZIP_CODE"
        assert found["819-555-0187"] == "PHONE_NUMBER"
        assert found["AC9910234"] == "ACCOUNT_NUMBER" and found["123-45-6780"] == "US_SSN"
        assert found["TREMBLAY^GASTON"] == "PERSON" and found["819-555-0144"] == "PHONE_NUMBER"
        assert found["4471902"] == "ID_NUMBER" and found["BEAUDOIN^Serge"] == "PERSON"
        assert found["202601170815"] == "DATE_TIME" and found["202601170930"] == "DATE_TIME"

    def test_codes_results_and_the_messages_own_fields_stay(self):
        found = _typed(_hl7_spans(self.MESSAGE), self.MESSAGE)
        for value in ("ADT^A01", "K^Potassium", "5.9", "mmol/L", "3.5-5.1", "MED^4^2", "NHOSP", "QC", "77"):
            assert value not in found, value

    def test_a_chinese_name_split_by_a_caret_is_one_person_and_keeps_its_caret(self):
        text = "PID|1||0077125^^^XYYY^MR||司徒^嘉怡||19920811|F"
        assert "司徒^嘉怡" in _found(text, "zh", "PERSON")
        out = deidentify_text(text, "zh").text
        assert "司徒" not in out and "嘉怡" not in out and out.split("|")[5].count("^") == 1, out

    def test_a_latin_name_keeps_its_shape(self):
        out = deidentify_text(self.MESSAGE, "en").text
        pid = next(line for line in out.splitlines() if line.startswith("PID"))
        name = pid.split("|")[5]
        assert "TREMBLAY" not in out and "ODILE" not in out
        assert name.count("^") == 2 and name.split("^")[0].isupper() and name.endswith("^M"), name


class TestFhirAndJson:
    BUNDLE = ('{"resourceType":"Patient","identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"219-09-9999"},'
              '{"system":"urn:oid:2.16.840.1.113883.4.9","value":"QX7712003"}],"name":[{"family":"Okonkwo-Reyes","given":["Adaeze","Marisol"]}],'
              '"birthDate":"1979-11-23","address":[{"line":["77 Larkspur Ct"],"city":"Flagstaff","state":"AZ","postalCode":"86004"}],'
              '"generalPractitioner":[{"display":"Ingrid Halvorsen, MD"}]}')

    def test_person_and_record_fields(self):
        found = _typed(_json_spans(self.BUNDLE), self.BUNDLE)
        assert found["219-09-9999"] == "US_SSN" and found["QX7712003"] == "MEDICAL_RECORD_NUMBER"
        assert found["Okonkwo-Reyes"] == found["Adaeze"] == found["Marisol"] == "PERSON"
        assert found["1979-11-23"] == "DATE_TIME" and found["77 Larkspur Ct"] == found["Flagstaff"] == "LOCATION"
        assert found["86004"] == "ZIP_CODE"
        assert found["Ingrid Halvorsen"] == "PERSON"  # the credential stays out of the name

    def test_a_subjects_display_and_reference_in_chinese_json(self):
        text = '{"subject":{"reference":"Patient/GZ-PT-0071245","display":"闻人雅琴"},"performer":[{"display":"邝子健 护士"}]}'
        found = _typed(_json_spans(text), text)
        assert found == {"GZ-PT-0071245": "MEDICAL_RECORD_NUMBER", "闻人雅琴": "PERSON", "邝子健": "PERSON"}

    @pytest.mark.parametrize("text", [
        '{"code":{"text":"Type 2 diabetes"},"status":"final","display":"Hemoglobin A1c"}',
        '{"payor":[{"display":"Blue Shield"}],"serviceType":{"text":"Cardiology"}}',
        '{"valueQuantity":{"value":7.2,"unit":"%"},"start":"soon"}',
    ])
    def test_clinical_and_administrative_fields_stay(self, text):
        assert _json_spans(text) == []

    def test_a_patients_name_in_a_flat_hospital_json(self):
        text = '{"patient":{"name":"卜秋菊","inpatient_no":"ZJ25-0071136"},"openid":"oQ9pL2vX_k7Rt3mZ","phone":"13900001111"}'
        found = _typed(_json_spans(text), text)
        assert found["卜秋菊"] == "PERSON" and found["ZJ25-0071136"] == "MEDICAL_RECORD_NUMBER"
        assert found["oQ9pL2vX_k7Rt3mZ"] == "SOCIAL_HANDLE" and found["13900001111"] == "PHONE_NUMBER"


class TestLogsAndDicomDumps:
    def test_an_audit_log_line(self):
        text = "2025-10-02T03:11:09+08:00 event=record_view user=qiuhm07 emp_no=N20931 patient_mrn=HZ00771245 patient_name=公孙月 ip=10.8.1.4"
        found = _found(text, "zh")
        for value in ("2025-10-02T03:11:09+08:00", "qiuhm07", "N20931", "HZ00771245", "公孙月"):
            assert value in found, found

    def test_a_dicom_header_dump(self):
        text = "PatientName=LINDQVIST^Maja PatientID=RAD00991 PatientBirthDate=19880407 StudyDate=20260102 Modality=MR"
        found = _typed(_log_spans(text), text)
        assert found == {"LINDQVIST^Maja": "PERSON", "RAD00991": "MEDICAL_RECORD_NUMBER", "19880407": "DATE_TIME",
                         "20260102": "DATE_TIME"}

    @pytest.mark.parametrize("text", ["user=system action=purge", "level=INFO user=- msg=start", "patient_mrn=pending"])
    def test_system_accounts_and_empty_values_stay(self, text):
        assert _log_spans(text) == []


class TestTablesWithAHeader:
    def test_a_csv_export(self):
        text = ("mrn,patient_name,age,mobile,city,diagnosis,admit_date\n"
                "RH-2026-00412,Oluwaseun Bakare,93,0803 555 0192,Abeokuta,Sepsis,03/01/2026\n"
                "RH-2026-00413,Ifeoma Chukwu,41,0806 555 0174,Ilorin,Malaria,04/01/2026")
        found = _typed(_table_spans(text), text)
        for value in ("RH-2026-00412", "Oluwaseun Bakare", "93", "0803 555 0192", "Abeokuta", "03/01/2026", "Ilorin"):
            assert value in found, found
        assert "41" not in found and "Sepsis" not in found

    def test_a_tab_separated_his_export(self):
        text = "住院号\t姓名\t主管医生\t诊断\nGZ2026-00913\t乜春燕\t那日苏\t慢性阻塞性肺疾病"
        found = _typed(_table_spans(text), text)
        assert found == {"GZ2026-00913": "MEDICAL_RECORD_NUMBER", "乜春燕": "PERSON", "那日苏": "PERSON"}

    @pytest.mark.parametrize("text", [
        "| Name            | Priyanka Rao |\n| Allergies       | penicillin   |\n| Phone           | 555 0101     |",
        "| 姓名 | 性别 | 年龄 | 住院号 |\n| 诊断 | 急性心梗 | | |",
        "test,result,units,range\nSodium,139,mmol/L,135-145",
    ])
    def test_forms_label_rows_and_tables_of_no_person_give_nothing(self, text):
        assert _table_spans(text) == []
