"""Answer bodies against the spec: strategies for what a schema admits, what the generated client should
make of an answer, answers broken on purpose, and the diagnosis that names the field a failure is about."""
