"""Two builds from the same sources are byte for byte the same: site/, the bundle zip and its checksum.
The second build runs with the cache off, so charts, QR codes and layouts are computed again."""
from __future__ import annotations

from .conftest import build_site


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_is_byte_identical(built, tmp_path):
    result = build_site(tmp_path, cache=False)
    assert result.returncode == 0, result.stderr
    first, second = tree(built / "site"), tree(tmp_path / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert tree(built / "dist") == tree(tmp_path / "dist")
