"""Page front matter is written as JSON values (fast); MkDocs must read back exactly the escaped text."""
import pytest
import yaml
from markupsafe import escape

from generator.render import front_matter


@pytest.mark.parametrize("text", ["措置 1.1", 'a: "b" \\ x', "line\u2028break \u0085 \x7f del", "😀 \ufeff bom",
                                  "<img src=x onerror=alert(1)> {{ 7*7 }}", "---\n# not a heading"])
def test_front_matter_reads_back(text):
    meta = yaml.safe_load(front_matter(text, text, ("toc",)).split("---\n")[1])
    assert meta == {"title": str(escape(text)), "description": str(escape(text)), "render_macros": False,
                    "hide": ["toc"]}
