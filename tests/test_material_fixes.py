"""Material's invalid markup, corrected: each fix on the markup Material's templates write."""

from __future__ import annotations

from generator.material_fixes import fix_material_markup

SECTION = (
    '<label class="md-nav__link " for="__nav_11" id="__nav_11_label" tabindex="">\n'
    '  <span class="md-nav__icon md-icon"></span>\n</label>\n'
    '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_11_label" '
    'aria-expanded="false">\n'
    '  <label class="md-nav__title" for="__nav_11">\n    Kennisbrieven\n  </label>\n'
)


def test_toggles_lose_autocomplete_which_a_checkbox_does_not_have_and_get_a_name() -> None:
    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">'
    )
    assert fix_material_markup(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'aria-label="Menu">'
    )


def test_a_section_label_loses_its_empty_tabindex_and_its_menu_is_named_by_its_title() -> None:
    fixed = fix_material_markup(SECTION)
    assert 'tabindex=""' not in fixed
    assert 'aria-labelledby="__nav_11_title"' in fixed
    assert '<label class="md-nav__title" for="__nav_11" id="__nav_11_title">' in fixed


def test_a_collapsible_subsection_keeps_the_name_materials_script_looks_up() -> None:
    collapsible = SECTION.replace('tabindex=""', 'tabindex="0"')
    assert fix_material_markup(collapsible) == collapsible


def test_the_toc_title_is_plain_text_where_its_toggle_is_missing() -> None:
    title = '<label class="md-nav__title" for="__toc">\n  Inhoudsopgave\n</label>'
    assert fix_material_markup(title) == '<div class="md-nav__title">\n  Inhoudsopgave\n</div>'
    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    named = toggle.replace('id="__toc">', 'id="__toc" aria-label="Inhoudsopgave">')
    assert fix_material_markup(toggle + title) == named + title
