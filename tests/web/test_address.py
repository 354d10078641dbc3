"""Which requests may drive a wizard, and where the server says it is."""

from __future__ import annotations

import pytest

from drafter.web.address import is_local, page_url, trusted


@pytest.mark.parametrize(
    ("bound", "host", "origin", "ok"),
    [
        ("127.0.0.1", "127.0.0.1:8765", "http://127.0.0.1:8765", True),  # drafter's page
        ("127.0.0.1", "localhost:8765", "http://localhost:8765", True),
        ("::1", "[::1]:8765", "http://[::1]:8765", True),
        ("127.0.0.1", "127.0.0.1:8765", None, True),  # a program on this machine
        ("127.0.0.1", "127.0.0.1:8765", "https://evil.example", False),  # another site's page
        ("127.0.0.1", "127.0.0.1:8765", "http://127.0.0.1:9999", False),  # another local page
        ("127.0.0.1", "evil.example:8765", "http://evil.example:8765", False),  # DNS rebinding
        ("0.0.0.0", "office-pc:8765", "http://office-pc:8765", True),  # --host: any name
        ("0.0.0.0", "office-pc:8765", "https://evil.example", False),
    ],
)
def test_only_drafters_own_page_may_drive_a_wizard(
    bound: str, host: str, origin: str | None, ok: bool
) -> None:
    assert trusted(bound, host, origin) is ok


def test_local_addresses_and_the_address_to_open() -> None:
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.168.1.20")
    assert page_url("127.0.0.1", 8765) == "http://127.0.0.1:8765/"
    assert page_url("0.0.0.0", 8765) == "http://localhost:8765/"
    assert page_url("::1", 8765) == "http://[::1]:8765/"
