"""Ids, slugs, `addresses`, persona ids and image paths: everything a map points at."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey, load_persona
from mkdocs_journey.engine.slug import slugify

from ..files import put
from .expect import Spot, assert_errors

MAP = "title: T\nstages:\n  - name: S\n"


# -- Ids and slugs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Oriëntatie", "orientatie"),
        ("Ça & Là", "ca-la"),
        ("Zoekopdracht in Google", "zoekopdracht-in-google"),
        ("  Boeken -- en betalen!  ", "boeken-en-betalen"),
        ("Straße", "strasse"),
        ("ＡＢＣ ２", "abc-2"),
        ("!!!", ""),
        ("日本", ""),
    ],
)
def test_slugify_folds_accents_and_punctuation(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_ids_default_to_the_slug_of_the_name(load) -> None:
    loaded = load(
        """\
        title: T
        stages:
          - name: Oriëntatie
            touchpoints:
              - name: Ça & Là
              - name: "!!!"
              - name: Website
                id: site
          - name: "???"
            id: na
          - name: "..."
        """
    )
    assert loaded.ok, loaded.errors
    stages = loaded.journey.stages
    assert [s.id for s in stages] == ["orientatie", "na", "stage-3"]
    assert [t.id for t in stages[0].touchpoints] == ["ca-la", "touchpoint-2", "site"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(MAP + "  - name: S\n",
                     [(4, 11, "stage id `s` is already used by the stage on line 3; give one of them its own `id`")],
                     id="stage-names"),
        pytest.param(MAP + "    id: x\n  - name: T\n    id: x\n",
                     [(6, 9, "stage id `x` is already used by the stage on line 3")], id="explicit-stage-ids"),
        pytest.param(MAP + "    id: t\n  - name: T\n", [(5, 11, "stage id `t` is already used by the stage on line 3")],
                     id="explicit-and-derived"),
        pytest.param(MAP + "    touchpoints:\n      - name: Website\n      - name: Website\n",
                     [(6, 15, "touchpoint id `website` is already used by the touchpoint on line 5 in stage `s`; "
                              "give one of them its own `id`")], id="same-name-twice"),
        pytest.param(MAP + "    touchpoints:\n      - name: Website\n      - name: website!\n",
                     [(6, 15, "touchpoint id `website` is already used by the touchpoint on line 5 in stage `s`")],
                     id="derived-touchpoints"),
        pytest.param(MAP + "    touchpoints:\n      - {name: A, id: web}\n      - {name: B, id: web}\n",
                     [(6, 23, "touchpoint id `web` is already used by the touchpoint on line 5 in stage `s`")],
                     id="explicit-touchpoints"),
        pytest.param(MAP + "    id: Web Site\n",
                     [(4, 9, "expected an id of lowercase letters, digits, `-` and `_` (starting with a letter or "
                             "digit), got `Web Site`")], id="invalid-stage-id"),
        pytest.param(MAP + "    touchpoints:\n      - name: A\n        id: -web\n",
                     [(6, 13, "got `-web`")], id="invalid-touchpoint-id"),
        pytest.param(MAP + "improvements:\n  - {id: a, title: A}\n  - {id: a, title: B}\n",
                     [(6, 10, "improvement id `a` is already used by the improvement on line 5")],
                     id="improvement-ids"),
        pytest.param(MAP + "improvements:\n  - {id: Filters, title: A}\n",
                     [(5, 10, "got `Filters`")], id="invalid-improvement-id"),
    ],
)
def test_ids_are_unique_and_well_formed(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


def test_touchpoint_ids_may_repeat_across_stages(load) -> None:
    loaded = load("title: T\nstages:\n  - name: A\n    touchpoints: [{name: Website}]\n"
                  "  - name: B\n    touchpoints: [{name: Website}]\n")
    assert loaded.ok, loaded.errors
    assert [(s.id, s.touchpoints[0].id) for s in loaded.journey.stages] == [("a", "website"), ("b", "website")]


# -- addresses ---------------------------------------------------------------------------

STAGES = """\
title: T
stages:
  - name: Oriëntatie
    touchpoints:
      - name: Website
      - name: Google
  - name: Afweging
    touchpoints:
      - name: Website
      - name: Brochure
improvements:
"""
"""Improvements added after this start on line 12."""


def test_addresses_resolve_to_stage_and_touchpoint(load) -> None:
    loaded = load(STAGES + "  - id: a\n    title: A\n    addresses: [afweging/website, google, brochure]\n"
                           "  - id: b\n    title: B\n")
    assert loaded.ok, loaded.errors
    assert loaded.targets == {"a": [("afweging", "website"), ("orientatie", "google"), ("afweging", "brochure")],
                              "b": []}


@pytest.mark.parametrize(
    ("addresses", "expected"),
    [
        pytest.param("[website]", [(14, 17, "touchpoint id `website` is used in several stages; write one of "
                                            "`orientatie/website`, `afweging/website`")], id="ambiguous"),
        pytest.param("[googel]", [(14, 17, "`googel` names no touchpoint in this map; did you mean `google`? "
                                           "(write `stage/touchpoint` or a unique touchpoint id)")], id="typo"),
        pytest.param("[afweging/websit]", [(14, 17, "`afweging/websit` names no touchpoint in this map; "
                                                    "did you mean `afweging/website`?")], id="typo-full"),
        pytest.param("[nergens/iets]", [(14, 17, "`nergens/iets` names no touchpoint in this map")], id="unknown"),
        pytest.param("[google, zzz]", [(14, 25, "`zzz` names no touchpoint")], id="second-of-two"),
        pytest.param("afweging/website", [(14, 16, "`addresses` expected a list")], id="not-a-list"),
    ],
)
def test_addresses_that_do_not_resolve(load, addresses: str, expected: list[Spot]) -> None:
    loaded = load(STAGES + f"  - id: a\n    title: A\n    addresses: {addresses}\n")
    assert_errors(loaded, expected)


# -- Personas --------------------------------------------------------------------------------


PERSONA_MAP = "title: T\npersona: {ident}\nstages:\n  - name: S\n"


@pytest.mark.parametrize("where", ["mark.persona.yml", "personas/deep/mark.persona.yml", "mark.persona.yaml"])
def test_persona_id_names_a_file_anywhere_below_docs(load, write_file, docs_dir: Path, where: str) -> None:
    persona_file = write_file(where, "name: Mark\nrole: Reiziger\n")
    loaded = load(PERSONA_MAP.format(ident="mark"), name="journeys/trip.journey.yml")
    assert loaded.ok, loaded.errors
    assert loaded.persona_path == persona_file
    assert loaded.persona is None  # persona files are loaded by the caller
    persona = load_persona(persona_file, DocsTree.scan(docs_dir))
    assert persona.persona is not None and persona.persona.role == "Reiziger"


def test_unknown_persona_id_suggests_a_close_one(load, write_file) -> None:
    write_file("personas/mark.persona.yml", "name: Mark\n")
    assert_errors(load(PERSONA_MAP.format(ident="marc")),
                  [(2, 10, "persona `marc` not found: expected a file `marc.persona.yml` in the docs folder; "
                           "did you mean `mark`?")])


def test_unknown_persona_id_without_any_persona_files(load) -> None:
    assert_errors(load(PERSONA_MAP.format(ident="mark")), [(2, 10, "persona `mark` not found")])


def test_persona_id_used_by_two_files_is_ambiguous(load, write_file) -> None:
    write_file("a/mark.persona.yml", "name: Mark\n")
    write_file("b/mark.persona.yaml", "name: Mark\n")
    assert_errors(load(PERSONA_MAP.format(ident="mark")),
                  [(2, 10, "persona `mark` is ambiguous: several files have that name (a/mark.persona.yml, "
                           "b/mark.persona.yaml)")])


def test_inline_persona(load, write_file) -> None:
    write_file("img/mark.png", b"\x89PNG")
    loaded = load("title: T\npersona:\n  name: Mark\n  image: img/mark.png\n  facts: {Leeftijd: 42, Stad: Utrecht}\n"
                  "  goals: [Rust]\nstages:\n  - name: S\n")
    assert loaded.ok, loaded.errors
    persona = loaded.persona
    assert persona is not None and persona.name == "Mark" and persona.facts == {"Leeftijd": "42", "Stad": "Utrecht"}
    assert loaded.persona_path == loaded.path


# -- Images ------------------------------------------------------------------------------------

IMAGE_MAP = "title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        image: {image}\n"


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        pytest.param("img/missing.png", [(6, 16, "image `img/missing.png` not found (looked for "
                                                 "journeys/img/missing.png)")], id="missing"),
        pytest.param("../../outside.png", [(6, 16, "image `../../outside.png` points outside the docs folder")],
                     id="escape"),
        pytest.param("https://example.com/x.png", [(6, 16, "must be a path relative to this file")], id="url"),
        pytest.param("/img/x.png", [(6, 16, "must be a path relative to this file")], id="absolute"),
        pytest.param("'data:image/png;base64,AAAA'", [(6, 16, "must be a path relative to this file")], id="data"),
        pytest.param("C:/img/x.png", [(6, 16, "must be a path relative to this file")], id="drive"),
    ],
)
def test_image_must_be_a_file_inside_the_docs_tree(load, tmp_path: Path, image: str, expected: list[Spot]) -> None:
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    assert_errors(load(IMAGE_MAP.format(image=image), name="journeys/trip.journey.yml"), expected)


def test_existing_images_relative_to_the_map(load, write_file) -> None:
    write_file("journeys/img/a.png", b"\x89PNG")
    write_file("img/b.png", b"\x89PNG")
    assert load(IMAGE_MAP.format(image="img/a.png"), name="journeys/trip.journey.yml").ok
    assert load(IMAGE_MAP.format(image="../img/b.png"), name="journeys/trip.journey.yml").ok


def test_a_folder_is_not_an_image(load, write_file) -> None:
    write_file("journeys/img/a.png", b"\x89PNG")
    assert_errors(load(IMAGE_MAP.format(image="img"), name="journeys/trip.journey.yml"),
                  [(6, 16, "image `img` not found")])


def test_persona_image_is_relative_to_the_persona_file(write_file, docs_dir: Path) -> None:
    write_file("personas/img/mark.png", b"\x89PNG")
    good = write_file("personas/mark.persona.yml", "name: Mark\nimage: img/mark.png\n")
    bad = write_file("personas/anna.persona.yml", "name: Anna\nimage: ../img/anna.png\n")
    docs = DocsTree.scan(docs_dir)
    assert load_persona(good, docs).persona is not None
    assert_errors(load_persona(bad, docs, name="anna"), [(2, 8, "image `../img/anna.png` not found")])


def test_persona_image_escaping_the_docs_tree(write_file, docs_dir: Path) -> None:
    path = write_file("mark.persona.yml", "name: Mark\nimage: ../../etc/passwd\n")
    assert_errors(load_persona(path, DocsTree.scan(docs_dir), name="mark"),
                  [(2, 8, "points outside the docs folder")])


def test_a_symlink_out_of_the_docs_tree_is_outside(load, write_file, tmp_path: Path, docs_dir: Path) -> None:
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    (docs_dir / "journeys").mkdir()
    (docs_dir / "journeys" / "link.png").symlink_to(tmp_path / "secret.png")
    assert_errors(load(IMAGE_MAP.format(image="link.png"), name="journeys/trip.journey.yml"),
                  [(6, 16, "points outside the docs folder")])


def _image_loop(docs_dir: Path) -> None:
    (docs_dir / "journeys").mkdir(exist_ok=True)
    (docs_dir / "journeys" / "loop.png").symlink_to("loop.png")


@pytest.mark.parametrize(
    ("image", "make", "expected"),
    [
        pytest.param("x" * 300 + ".png", None, "cannot be looked up (file name too long); expected a path to a picture "
                                               "inside the docs folder", id="name-too-long"),
        pytest.param("loop.png", _image_loop, "cannot be looked up (too many levels of symbolic links)",
                     id="symlink-loop"),
        pytest.param("img/a.png/b.png", lambda docs: put(docs, "journeys/img/a.png", b"\x89PNG"),
                     "not found (looked for journeys/img/a.png/b.png)", id="file-as-folder"),
    ],
)
def test_image_paths_the_file_system_refuses_are_located_errors(load, docs_dir: Path, image: str,
                                                                 make: Any, expected: str) -> None:
    if make is not None:
        make(docs_dir)
    loaded = load(IMAGE_MAP.format(image=image), name="journeys/trip.journey.yml")
    assert_errors(loaded, [(6, 16, expected)])
    assert len(loaded.errors[0].message) < 250, "the path is not repeated in full"


def test_an_image_path_with_a_nul_byte_is_refused_before_any_look_up(load) -> None:
    loaded = load(IMAGE_MAP.format(image='"a\\0b.png"'), name="journeys/trip.journey.yml")
    assert_errors(loaded, [(6, 16, "U+0000 (a control character)")])


def test_persona_image_the_file_system_refuses(write_file, docs_dir: Path) -> None:
    path = write_file("mark.persona.yml", "name: Mark\nimage: " + "m" * 300 + ".png\n")
    assert_errors(load_persona(path, DocsTree.scan(docs_dir), name="mark"),
                  [(2, 8, "cannot be looked up (file name too long)")])


def test_an_image_in_a_folder_without_permission(load, write_file, docs_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    write_file("journeys/img/a.png", b"\x89PNG")
    folder = docs_dir / "journeys" / "img"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root reads every folder, so there the refusal is the system call's own error.
        real_stat = os.stat

        def refusing_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
            if Path(path).parent == folder:
                raise PermissionError(13, "Permission denied", str(path))
            return real_stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "stat", refusing_stat)
    folder.chmod(0)
    try:
        assert_errors(load(IMAGE_MAP.format(image="img/a.png"), name="journeys/trip.journey.yml"),
                      [(6, 16, "cannot be looked up (permission denied)")])
    finally:
        folder.chmod(0o755)


# -- Personas in symlinked folders -----------------------------------------------------------------


def test_a_persona_in_a_symlinked_folder_is_found(load, write_file, tmp_path: Path, docs_dir: Path) -> None:
    # MkDocs reads symlinked folders (os.walk(followlinks=True)), so the build has this
    # persona; `persona: lisa` must find it too.
    put(tmp_path / "shared", "lisa.persona.yml", "name: Lisa\n")
    (docs_dir / "personas").symlink_to(tmp_path / "shared", target_is_directory=True)
    loaded = load(PERSONA_MAP.format(ident="lisa"), name="journeys/trip.journey.yml")
    assert loaded.ok, loaded.errors
    assert loaded.persona_path == docs_dir / "personas" / "lisa.persona.yml"


def test_a_symlink_loop_in_the_docs_folder_ends_the_scan(load, write_file, docs_dir: Path) -> None:
    write_file("personas/mark.persona.yml", "name: Mark\n")
    (docs_dir / "personas" / "again").symlink_to(docs_dir / "personas", target_is_directory=True)
    (docs_dir / "personas" / "dead").symlink_to(docs_dir / "personas" / "dead")
    docs = DocsTree.scan(docs_dir)
    assert docs.personas == {"mark": [docs_dir / "personas" / "mark.persona.yml"]}
    assert load(PERSONA_MAP.format(ident="mark")).ok


def test_one_persona_reached_by_two_paths_is_not_ambiguous(load, write_file, docs_dir: Path) -> None:
    write_file("personas/mark.persona.yml", "name: Mark\n")
    (docs_dir / "team").symlink_to(docs_dir / "personas", target_is_directory=True)
    loaded = load(PERSONA_MAP.format(ident="mark"))
    assert loaded.ok, loaded.errors
    assert loaded.persona_path == docs_dir / "personas" / "mark.persona.yml"


# -- Files judged on their own -------------------------------------------------------------------


def test_one_bad_file_does_not_hide_the_errors_of_another(write_file, docs_dir: Path) -> None:
    bad = write_file("a.journey.yml", "title: [\n")
    worse = write_file("b.journey.yml", "title: T\nstages:\n  - name: S\n    gaol: x\n")
    good = write_file("c.journey.yml", MAP)
    docs = DocsTree.scan(docs_dir)
    results = [load_journey(p, docs) for p in (bad, worse, good)]
    assert [len(r.errors) for r in results] == [1, 1, 0]
    assert results[2].ok


# -- compare_to: another journey file, relative to this one -------------------------------

COMPARE_MAP = "title: Future\nstate: future\ncompare_to: {path}\nstages:\n  - name: S\n"


def test_compare_to_names_a_journey_file_relative_to_the_map(load, write_file, docs_dir: Path) -> None:
    current = write_file("journeys/current/trip.journey.yml", MAP)
    loaded = load(COMPARE_MAP.format(path="current/trip.journey.yml"), name="journeys/trip-future.journey.yml")
    assert loaded.ok, loaded.errors
    assert loaded.compare_path == current.resolve()
    assert loaded.journey.compare_to == "current/trip.journey.yml"  # kept as written


def test_a_map_without_compare_to_compares_with_nothing(load) -> None:
    assert load(MAP).compare_path is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param("trip.journey.yml", "`compare_to: trip.journey.yml` not found (looked for journeys/trip.journey.yml); "
                                         "did you mean `trip-now.journey.yml`?", id="missing"),
        pytest.param("future.journey.yml", "names this map itself", id="itself"),
        pytest.param("./future.journey.yml", "names this map itself", id="itself-dotted"),
        pytest.param("../../outside.journey.yml", "points outside the docs folder", id="escape"),
        pytest.param("trip-now.md", "is not a journey file: expected a path ending in `.journey.yml`", id="not-a-map"),
        pytest.param("https://example.com/a.journey.yml", "must be a path relative to this file", id="url"),
        pytest.param("/journeys/trip-now.journey.yml", "must be a path relative to this file", id="absolute"),
        pytest.param("folder.journey.yml", "not found", id="a-folder"),
    ],
)
def test_a_bad_compare_to_is_an_error_at_its_line(load, write_file, path: str, expected: str) -> None:
    write_file("journeys/trip-now.journey.yml", MAP)
    write_file("journeys/trip-now.md", "# Not a map\n")
    write_file("journeys/folder.journey.yml/x.txt", "x")
    loaded = load(COMPARE_MAP.format(path=path), name="journeys/future.journey.yml")
    assert_errors(loaded, [(3, 13, expected)])
