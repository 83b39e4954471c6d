"""The generated client against the mock, as a hypothesis state machine held to the reference model.

Two accounts of the demo scenario act at once: `demo` (every add-on, two remote accounts) and `free` (no
add-on, three downloads in all, no remote account). Rules add URLs and magnets (from the scenario's fake
internet, in any letter case, and unknown ones; adding), read (one by one, or by `requestIds`), retry,
explore (plain or detailed) and list downloads, check the cache, list proxies and remote accounts, and log
in (reading), remove downloads one by one or many at once and read the history (beyond), read the
account at any moment and across the end of the premium membership, the sites and the 2026 cache, and
fill the free account's link limit (account), log in with a device along a drawn plan (device), and move
the mock's frozen clock (here): by fixed amounts, and to a point inside a phase of a download chosen from the
model's phase table, so that every phase is seen however short it is. Every answer is parsed by the
generated client into its typed model (an `UnexpectedResponse` fails the test) and every field of it is
compared with `reference_model.OffcloudModel`'s prediction. Every run ends by reaching the success path of
every operation it calls, and meeting every value rule, that it has not reached yet (success_paths).
"""

from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.stateful import rule

from offcloud_contract.support.client_machine.calls import CLOUD, REMOTE
from offcloud_contract.support.client_machine.success_paths import SuccessPathRules
from offcloud_contract.support.coverage.reach import Recorder
from offcloud_contract.support.model.phase_table import ADVANCES, Phase
from offcloud_contract.support.model.reference_model import DownloadModel
from offcloud_contract.support.targets.server_targets import Target

__all__ = ["CLIENT_BUDGET", "ClientVersusMock", "client_machine_for"]

# Runs are cheap (no schemathesis in the loop), and retries need long ones: at least this many.
CLIENT_BUDGET = {"min_scenarios": 60, "min_steps": 40}
# Where inside a phase a step lands: near its start, its middle, near its end.
_INSIDE = (Fraction(1, 64), Fraction(1, 2), Fraction(63, 64))


class ClientVersusMock(SuccessPathRules):
    @rule(seconds=st.sampled_from(ADVANCES))
    def advance_clock(self, seconds: float) -> None:
        self.move_clock(Fraction(seconds))

    @rule(request_id=CLOUD | REMOTE, data=st.data())
    def advance_into_a_phase(self, request_id: str, data: st.DataObject) -> None:
        """Move the clock into one phase still ahead of this download's attempt, then read its status."""
        download = self.model.downloads[request_id]
        if download.removed:
            return
        self.learn_size(download)
        ahead = self.phases_ahead(download)
        self._land_in(download, data.draw(st.sampled_from(ahead), label="phase"), data)

    @rule(request_id=CLOUD | REMOTE, data=st.data())
    def walk_through_the_phases(self, request_id: str, data: st.DataObject) -> None:
        """Move the clock into every phase still ahead of this download's attempt in turn, however short,
        and read its status in each."""
        download = self.model.downloads[request_id]
        if download.removed:
            return
        self.learn_size(download)
        for phase in self.phases_ahead(download):
            self._land_in(download, phase, data)

    def _land_in(self, download: DownloadModel, phase: Phase, data: st.DataObject) -> None:
        inside = data.draw(st.sampled_from(_INSIDE), label=f"where in {phase.status}")
        self.land_in(download, phase, inside)


def client_machine_for(target: Target, record: Recorder) -> type[ClientVersusMock]:
    """The machine bound to `target` (a mock with controls and its free account); answers go to `record`."""
    return type("ClientVersusMock", (ClientVersusMock,), {"target": target, "record": record})
