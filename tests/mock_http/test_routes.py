"""The routes of the faked API are grouped by resource: each handler in the module of its operation's
first tag in openapi.yaml (`offcloud_mock.http.routes.<tag>`)."""

from offcloud_mock.http import routes
from offcloud_mock.http.app import API_BLUEPRINTS, create_app
from offcloud_mock.spec import load_spec


def _first_tags() -> dict[str, str]:
    return {
        raw["operationId"]: raw["tags"][0]
        for item in load_spec()["paths"].values()
        for raw in item.values()
        if isinstance(raw, dict) and "operationId" in raw
    }


def test_each_handler_lives_in_the_module_of_its_first_tag() -> None:
    app = create_app()
    first_tags = _first_tags()
    misplaced = {}
    for endpoint, view in app.view_functions.items():
        blueprint, _, operation_id = endpoint.partition(".")
        if blueprint not in API_BLUEPRINTS:
            continue
        expected = f"{routes.__name__}.{first_tags[operation_id]}"
        if view.__module__ != expected:
            misplaced[operation_id] = view.__module__
    assert misplaced == {}


def test_one_module_per_tag_of_the_spec() -> None:
    tags = [tag["name"] for tag in load_spec()["tags"] if tag["name"] in set(_first_tags().values())]
    assert [module.__name__.rpartition(".")[2] for module in routes.RESOURCES] == tags
