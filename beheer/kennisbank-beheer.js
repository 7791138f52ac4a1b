// The kennisbank's additions to Decap CMS, loaded after decap-cms.js on /beheer/.
// tests/browser/test_beheer.py pins each of them (saving, axe, no request off the site).
(function () {
  "use strict";
  var CMS = window.CMS;

  // 1. A field the editor left empty is not written at all: an empty text is an error of
  //    `kennisbank check` ("summary: ''"), and an empty list means the same as none.
  function isEmpty(value) {
    return (
      value === null ||
      value === undefined ||
      (typeof value === "string" && value.trim() === "") ||
      (typeof value === "object" && typeof value.size === "number" && value.size === 0)
    );
  }
  function withoutEmpty(value) {
    // Decap's entry data is an Immutable Map; its lists are Lists. Both map and filter.
    if (value && typeof value.toJS === "function" && typeof value.filter === "function") {
      return value.map(withoutEmpty).filter(function (item) { return !isEmpty(item); });
    }
    return value;
  }
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) { return withoutEmpty(event.entry.get("data")); },
  });

  // 2. The "new" button reads "＋ Praktijk", a sign many fonts lack: say it in words.
  var dutch = CMS.getLocale && CMS.getLocale("nl");
  if (dutch && dutch.collection && dutch.collection.collectionTop) {
    dutch.collection.collectionTop.newButton = "%{collectionLabel} toevoegen";
  }

  // 3. Accessible names Decap leaves out or gives in English (WCAG 4.1.2, 2.5.3):
  //    - a date's "Nu" button is named "Set <field> to now": name it by its text and label;
  //    - a relation's options sit in a virtual list without the listbox they belong to;
  //    - an item of a list (a task, an assessment) has icon buttons without a name.
  function fieldLabel(name) {
    var label = document.querySelector('label[for^="' + name + '-field-"]');
    return label ? label.textContent.replace(/\s*\(optioneel\)\s*$/i, "").trim() : name;
  }
  function name(element, text) {
    if (element && !element.hasAttribute("aria-label")) element.setAttribute("aria-label", text);
  }
  function repair(root) {
    root.querySelectorAll('[class*="-StyledListItemTopBar"]').forEach(function (bar) {
      var buttons = bar.querySelectorAll(":scope > button");
      if (buttons.length === 2) {
        name(buttons[0], "In- of uitklappen");
        name(buttons[1], "Verwijderen");
      }
      name(bar.querySelector(':scope > [aria-roledescription="sortable"]'), "Verslepen");
    });
    root.querySelectorAll('button[aria-label^="Set "][aria-label$=" to now"]').forEach(
      function (button) {
        var name = button.getAttribute("aria-label").slice(4, -7);
        button.setAttribute("aria-label", button.textContent.trim() + ": " + fieldLabel(name));
      }
    );
    root.querySelectorAll('[role="option"]').forEach(function (option) {
      var menu = option.closest('[class*="-menu"]');
      var list = menu && menu.firstElementChild;
      if (list && !list.hasAttribute("role") && !option.closest('[role="listbox"]')) {
        list.setAttribute("role", "listbox");
        var input = menu.parentElement && menu.parentElement.querySelector("input[id]");
        var name = input ? input.id.replace(/-field-\d+$/, "") : "";
        list.setAttribute("aria-label", name ? fieldLabel(name) : "Keuzes");
        if (menu.parentElement.querySelector('[class*="multiValue"], [class*="-multi"]')) {
          list.setAttribute("aria-multiselectable", "true");
        }
      }
    });
  }
  new MutationObserver(function () { repair(document); }).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
