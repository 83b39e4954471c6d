"""The README's "In your own tests" example, kept runnable."""

import pytest
from offcloud_client.api.cloud import add_cloud_download, get_cloud_status
from offcloud_client.models import CloudDownload, CloudDownloadForm, CloudStatusResult, RequestIdForm

from offcloud_mock.pytest_plugin import OffcloudMock


@pytest.mark.parametrize("live", [False, True], ids=["in-process", "live"])
def test_readme_example(offcloud_mock: OffcloudMock, offcloud_mock_live: OffcloudMock, live: bool) -> None:
    mock = offcloud_mock_live if live else offcloud_mock
    client = mock.client()
    url = "https://files.example.com/docs/annual-report-2025.pdf"  # 50 MiB in the demo scenario
    item = add_cloud_download.sync(client=client, body=CloudDownloadForm(url=url))
    assert isinstance(item, CloudDownload)
    first = get_cloud_status.sync(client=client, body=RequestIdForm(request_id=item.request_id))
    assert isinstance(first, CloudStatusResult)
    assert first.status.status == "created"
    mock.controls.advance(120)  # two mock minutes later
    status = get_cloud_status.sync(client=client, body=RequestIdForm(request_id=item.request_id))
    assert isinstance(status, CloudStatusResult)
    assert status.status.status == "downloaded"
