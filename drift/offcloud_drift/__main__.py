"""`python -m offcloud_drift ...`: the same as `offcloud-mock proxy|drift|scenario-from|replay ...`."""

from offcloud_drift.cli import main

raise SystemExit(main())
