"""The entity page in a real browser: headless Chromium against ``nkgeo serve`` on 127.0.0.1.

Chromium and a Hangul font come from Debian (``chromium``, ``fonts-nanum``); the test installs
them when they are missing and it may (root, apt-get), and skips, saying why, only when they
cannot be had. The screenshot goes to pytest's temporary folder (its path is printed: run with
``-s`` to see it), never into the repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from nkgeo.serve.launch import ServerProcess

PACKAGES = ("chromium", "fonts-nanum")


def _hangul_font() -> bool:
    try:
        fonts = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(fonts.strip())


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary and _hangul_font():
        return binary
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip(f"Chromium and a Hangul font are needed and cannot be installed here (not root, or no apt-get): "
                    f"apt-get install {' '.join(PACKAGES)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600, check=True)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *PACKAGES], env=env, capture_output=True,
                       timeout=900, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        output = getattr(exc, "stderr", b"") or b""
        pytest.skip(f"cannot install {' '.join(PACKAGES)} on this machine: {output.decode(errors='replace')[-300:] or exc}")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        pytest.skip("apt-get installed chromium, but no chromium binary is on PATH")
    return binary


@pytest.fixture(scope="module")
def server(compiled):
    with ServerProcess(["--workers", "1"]) as running:
        yield running


def headless(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_entity_page_in_chromium(chromium, server, tmp_path, compiled):
    url = server.url + "/id/hamhung"
    screenshot = tmp_path / "hamhung.png"
    shot = headless(chromium, tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1200,900", url)
    assert screenshot.is_file(), shot.stderr[-2000:]
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    print(f"\nscreenshot: {screenshot}")

    dom = headless(chromium, tmp_path / "profile", "--dump-dom", url).stdout
    assert "<h1>Hamhung" in dom
    assert "capital of" in dom and "South Hamgyong Province" in dom
    assert 'class="summary card"' in dom and 'class="badge" href="/why?' in dom
    korean = [r["k"].value for r in compiled.query('SELECT ?k WHERE { id:hamhung skos:altLabel ?k FILTER(LANG(?k) = "ko") }')]
    for name in korean:
        assert name in dom
    if compiled.query("ASK { id:hamhung wgs:lat ?lat }"):
        assert "<svg" in dom and 'class="map"' in dom


def test_home_page_runs_a_canned_query_from_its_form(chromium, server, tmp_path):
    dom = headless(chromium, tmp_path / "profile", "--dump-dom", server.url + "/query/capitals?").stdout
    assert "<table" in dom and "Pyongyang" in dom and "Hamhung" in dom


# The pages forbid scripts (CSP), so the layout is measured on a copy of the served HTML with a
# script that writes the heights (CSS pixels, window 1200 x 900) into data attributes of <body>.
MEASURE = """<script>
window.addEventListener("load", () => {
  const top = (el) => el.getBoundingClientRect().top + window.scrollY;
  const heads = [...document.querySelectorAll("h2")];
  const facts = heads.find((h) => h.textContent === "Facts");
  const end = document.querySelector("details.copies") || heads.find((h) => h.textContent === "Sources");
  document.body.dataset.page = document.documentElement.scrollHeight;
  document.body.dataset.facts = Math.round(top(end) - top(facts));
  document.body.dataset.summary = Math.round(top(facts));
});
</script>"""
SCREEN = 900


def measured(chromium, tmp_path: Path, html: str) -> dict[str, int]:
    copy = tmp_path / "measured.html"
    copy.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    dom = headless(chromium, tmp_path / "profile", f"--window-size=1200,{SCREEN}", "--dump-dom", copy.as_uri()).stdout
    body = re.search(r"<body([^>]*)>", dom).group(1)
    return {k: int(v) for k, v in re.findall(r'data-(\w+)="(\d+)"', body)}


def test_hamhung_reads_as_a_page(chromium, server, tmp_path):
    url = server.url + "/id/hamhung.html"
    html = urllib.request.urlopen(url, timeout=60).read().decode("utf-8")
    figures = measured(chromium, tmp_path, html)
    print(f"\nHamhung at 1200x{SCREEN}: page {figures['page']} px, summary box and title {figures['summary']} px, "
          f"facts, claims and links {figures['facts']} px")
    assert figures["facts"] <= 2 * SCREEN, "the facts, claims and links of Hamhung fit in two screens"
    assert figures["page"] < 6000  # 9,500 before: one row per value, quotes repeated
    shot = tmp_path / "hamhung-full.png"
    headless(chromium, tmp_path / "profile", f"--screenshot={shot}", f"--window-size=1200,{figures['page']}", "--hide-scrollbars", url)
    assert shot.is_file()
    print(f"screenshot: {shot}")
    dom = headless(chromium, tmp_path / "profile", "--dump-dom", url).stdout
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", dom, flags=re.S)
    assert quotes and len(quotes) == len(set(quotes)), "no passage quoted twice"
    assert len(re.findall(r'<section class="group">', dom)) > 20 and "<details" in dom


def test_document_page_lists_its_statements(chromium, server, tmp_path):
    url = server.url + "/doc/001_96b58870d0b32f5b.html"
    shot = tmp_path / "document.png"
    headless(chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1400", url)
    assert shot.is_file()
    print(f"\nscreenshot: {shot}")
    dom = headless(chromium, tmp_path / "profile", "--dump-dom", url).stdout
    assert "<h1>The 10 biggest cities in North" in dom  # (its title has a no-break space)
    assert dom.count('href="/evidence/') > 100 and "Passages left out" in dom
