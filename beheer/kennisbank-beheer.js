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
    dutch.collection.collectionTop.newButtonAriaLabel = "%{collectionLabel} toevoegen";
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
  // 4. Signing in to GitHub with a token. Decap signs in to GitHub only through an OAuth
  //    server (Netlify's, unless the organisation runs one); with a fine-grained personal
  //    access token the editor needs none. Decap restores a saved session when it starts and
  //    checks it with GitHub (the user, and write access to the repository), so the token is
  //    saved as that session. It stays in this browser, as Decap's own sign-in would keep it.
  //    Decap's own GitHub button needs that OAuth server: it is hidden unless the configuration
  //    names the organisation's own (`base_url`, README "Signing in").
  var SESSION = "decap-cms-user";
  var TRIED = "kennisbank-token-geprobeerd";
  var configLink = document.querySelector('link[rel="cms-config-url"]');
  var ownOAuthServer = fetch(configLink ? configLink.href : "config.yml")
    .then(function (response) { return response.text(); })
    .then(function (config) { return /^ {2}base_url:/m.test(config); })
    .catch(function () { return false; });
  function tokenSignIn(root) {
    var github = Array.prototype.find.call(root.querySelectorAll("button"), function (b) {
      return b.textContent.trim() === "Inloggen met GitHub";
    });
    if (!github || document.getElementById("kb-token")) return;
    var form = document.createElement("form");
    form.className = "kb-token";
    form.innerHTML =
      '<label for="kb-token">Toegangstoken van GitHub</label>' +
      '<input id="kb-token" type="password" autocomplete="off" spellcheck="false" required>' +
      '<button type="submit">Inloggen met token</button>' +
      '<p id="kb-token-uitleg">Een <i>fine-grained personal access token</i> voor alleen ' +
      "de repository van de kennisbank, met de rechten Contents en Pull requests (lezen en " +
      "schrijven). De handleiding op de site zegt hoe u het maakt.</p>";
    form.querySelector("input").setAttribute("aria-describedby", "kb-token-uitleg");
    if (sessionStorage.getItem(TRIED)) {
      sessionStorage.removeItem(TRIED);
      var refused = document.createElement("p");
      refused.className = "kb-token-fout";
      refused.setAttribute("role", "alert");
      refused.textContent =
        "GitHub accepteerde dit token niet, of het geeft geen schrijfrechten op de repository.";
      form.insertBefore(refused, form.firstChild);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var token = form.querySelector("input").value.trim();
      if (!token) return;
      localStorage.setItem(SESSION, JSON.stringify({ backendName: "github", token: token }));
      sessionStorage.setItem(TRIED, "1");
      location.reload();
    });
    github.insertAdjacentElement("afterend", form);
    ownOAuthServer.then(function (own) { if (!own) github.style.display = "none"; });
  }
  function signedIn(root) {
    if (root.querySelector('[class*="-AppHeader"]')) sessionStorage.removeItem(TRIED);
  }

  new MutationObserver(function () {
    repair(document);
    tokenSignIn(document);
    signedIn(document);
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
