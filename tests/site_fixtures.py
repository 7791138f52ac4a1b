"""Session-scoped builds shared by the site tests: each fixture tree is built once per run."""

from __future__ import annotations

import pytest

from tests.site_support import Built, build_fixture, require_clean


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/site, public edition, with the offline copy."""
    return require_clean(build_fixture("site", tmp_path_factory.mktemp("site")))


@pytest.fixture(scope="session")
def internal_build(tmp_path_factory: pytest.TempPathFactory) -> Built:
    target = tmp_path_factory.mktemp("internal")
    return require_clean(build_fixture("site", target, offline=False, edition="internal"))
