"""openapi.yaml read independently of the mock: its operations, schemas and eras, and the operations no
link leads to."""
