"""The generated client against the mock as a hypothesis state machine: its state and shared checks (base),
the calls and comparisons its rules share (calls), its rules (adding, reading, beyond) and the machine
with its clock rules (machine)."""
