"""The mock's HTTP layer: app factory, routes, request pipeline, control plane, docs and the eras.

The era playing now (`runtime().era`, an object of `http.presenters`) alone decides what an answer looks
like on the wire, and answers every other question on which the eras differ.
"""
