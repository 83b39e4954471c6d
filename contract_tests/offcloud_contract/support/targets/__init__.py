"""Where the server-facing tests send requests: an in-process mock, a mock process, an external server."""
