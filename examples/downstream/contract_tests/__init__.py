"""This project's own `contract_tests` package: the kit's contract suite is `offcloud_contract`, never this."""
