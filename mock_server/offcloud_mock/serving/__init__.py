"""How the mock is served: waitress, or granian through the RSGI bridge; heap settings of a served mock."""
