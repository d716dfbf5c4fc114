"""``nkgeo extract`` on the command line, with good and bad input: never a traceback."""

from __future__ import annotations

TEXT = "Notes on Testland\n\nAlphaville is the capital of Delta Province in Testland. Alphaville lies on the Gamma River.\n"


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_extract_prints_trig(invoke, tiny_project, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.output
    assert "graph:doc-article_" in result.output
    assert "    id:alphaville a nkgeo:City ;\n        nkgeo:capitalOf id:delta-province ;" in result.output


def test_extract_table(invoke, tiny_project, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = invoke("extract", str(path), "--format", "table")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [c.strip() for c in lines[0].split("|")] == ["subject", "predicate", "object", "confidence", "evidence", "sentence"]
    row = next(line for line in lines if "nkgeo:capitalOf" in line)
    sentence = " ".join(TEXT[19:75].split())
    assert [c.strip() for c in row.split("|")] == ["id:alphaville", "nkgeo:capitalOf", "id:delta-province", "0.90", f"{_stem(path)} chars 19-75", sentence]


def _stem(path) -> str:
    from nkgeo.extract import read_document

    return read_document(path).stem


def test_extract_is_byte_identical_on_rerun(invoke, tiny_project, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text("Betaburg\n\nThe city of Betaburg lies on the Gamma River in Testland.\n", encoding="utf-8")
    first = invoke("extract", str(a), str(b), "-o", str(tmp_path / "one.trig"))
    second = invoke("extract", str(b), str(a), "-o", str(tmp_path / "two.trig"))
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    assert (tmp_path / "one.trig").read_bytes() == (tmp_path / "two.trig").read_bytes()


def test_empty_file_gives_an_empty_result_and_a_message(invoke, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = invoke("extract", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "empty.txt: empty, nothing to extract" in result.stderr


def test_blank_file_is_empty_too(invoke, tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n   \n\t\n", encoding="utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 0 and result.stdout == ""


def test_binary_file_is_refused(invoke, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = invoke("extract", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: image.png looks like a binary file, not text; extract reads plain UTF-8 text"


def test_other_encoding_is_refused_with_the_likely_encoding(invoke, tmp_path):
    path = tmp_path / "korean.txt"
    path.write_bytes("함흥은 함경남도의 도청 소재지이다.".encode("cp949"))
    result = invoke("extract", str(path))
    no_traceback(result)
    assert result.exit_code == 1
    assert "Error: korean.txt is not UTF-8 text" in result.output
    assert "iconv -f cp949 -t utf-8" in result.output


def test_utf16_is_named(invoke, tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Hamhung".encode("utf-16"))
    result = invoke("extract", str(path))
    assert result.exit_code == 1
    assert "wide.txt is UTF-16 text, not UTF-8" in result.output


def test_file_over_the_limit_is_refused(invoke, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Hamhung is a city. " * 100, encoding="utf-8")
    result = invoke("extract", str(path), "--max-bytes", "500")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: long.txt is 1,900 bytes, over the limit of 500 (use --max-bytes to raise it, or split the file)"


def test_a_100_mb_file_is_refused_at_once(invoke, tmp_path):
    import time

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.seek(100 * 1024 * 1024)
        handle.write(b"\n")
    started = time.perf_counter()
    result = invoke("extract", str(path))
    assert time.perf_counter() - started < 5
    no_traceback(result)
    assert result.exit_code == 1
    assert "huge.txt is 104,857,601 bytes, over the limit of 10,000,000" in result.output


def test_missing_file_and_folder(invoke, tmp_path):
    result = invoke("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1 and "no such file" in result.output
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.output


def test_document_without_a_place_gives_an_empty_result(invoke, tiny_project, tmp_path):
    path = tmp_path / "weather.txt"
    path.write_text("Weather\n\nIt rained all week and the harvest was late.\n", encoding="utf-8")
    result = invoke("extract", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "weather.txt: no candidates" in result.stderr


def test_without_spacy_the_error_says_how_to_install_it(invoke, tiny_project, tmp_path, monkeypatch):
    import sys

    from nkgeo.extract import nlp

    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "spacy", None)
    nlp.blank_pipeline.cache_clear()
    try:
        result = invoke("extract", str(path))
    finally:
        nlp.blank_pipeline.cache_clear()
    no_traceback(result)
    assert result.exit_code == 1
    assert result.output.strip() == "Error: nkgeo extract needs spaCy; install it with: pip install 'nkgeo[extract]'"
