"""`python -m mock_server`: the same as the `offcloud-mock` command."""

from offcloud_mock.cli import main

raise SystemExit(main())
