"""Subresource integrity: after a build step rewrites a file, the page's preload of it must carry
the file's new hash (used by scripts/finish_page.py and scripts/build-mvp)."""

import base64
import hashlib
import os
import re


def refresh(html, path):
    """`html` with the integrity of the one preload of `path` (a file beside the page) updated."""
    digest = "sha384-" + base64.b64encode(hashlib.sha384(open(path, "rb").read()).digest()).decode()
    pattern = r'(href="\./' + re.escape(os.path.basename(path)) + r'"[^>]*integrity=")[^"]*(")'
    html, count = re.subn(pattern, r"\g<1>" + digest + r"\2", html)
    assert count == 1, f"no preload of {os.path.basename(path)} in the page"
    return html
