"""The reference model: the demo scenario read as data, what a link points at, a download's life as a
table of phases, and `OffcloudModel`, which predicts every field of every answer."""
