"""Multi-turn expansion: de-identified consultations, reports and images -> doctor-patient dialogues."""
