"""`python -m mock_server.drift ...`: the same as `offcloud-mock proxy|drift|scenario-from|replay ...`."""

from mock_server.drift.cli import main

raise SystemExit(main())
