"""`python -m mock_server`: the same as the `offcloud-mock` command."""

from mock_server.cli import main

raise SystemExit(main())
