/* Kennisbank Bevolkingszorg: filters for the section lists, without a server.
 *
 * Each list item carries data-regio, data-thema, data-status, data-soort and data-jaar
 * (space-separated keys). The chosen filters live in the URL query (?regio=utrecht&thema=oefenen)
 * so a filtered list can be shared and reloaded. The form is in the page from the start (so
 * nothing moves when this runs): a disclosure that CSS keeps open on a wide screen and closed on
 * a phone, its summary saying how many filters are active. Without JavaScript the whole list
 * shows. Material's instant navigation is off, so DOMContentLoaded suffices. */
(function () {
  "use strict";

  function matches(item, filters) {
    return filters.every(function (filter) {
      if (!filter.value) {
        return true;
      }
      var values = (item.getAttribute("data-" + filter.name) || "").split(" ");
      return values.indexOf(filter.value) !== -1;
    });
  }

  function apply(form, list, counter) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var filters = selects.map(function (select) {
      return { name: select.name, value: select.value };
    });
    var items = list.querySelectorAll(".kb-item");
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var visible = matches(item, filters);
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    var active = filters.filter(function (filter) { return filter.value; }).length;
    var title = document.querySelector("[data-kb-filtertitel]");
    if (title) {
      title.textContent = "Filteren" + (active ? " (" + active + " actief)" : "");
    }
    var count = shown + (shown === 1 ? " resultaat" : " resultaten") +
      (shown < items.length ? " van " + items.length : "");
    // Only a change is written: the live region announces what it is told, even the same.
    if (counter && counter.textContent !== count) {
      counter.textContent = count;
    }
    var params = new URLSearchParams(window.location.search);
    filters.forEach(function (filter) {
      if (filter.value) {
        params.set(filter.name, filter.value);
      } else {
        params.delete(filter.name);
      }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function init() {
    var form = document.querySelector("[data-kb-filters]");
    var list = document.querySelector("[data-kb-list]");
    if (!form || !list) {
      return;
    }
    var counter = document.querySelector("[data-kb-count]");
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
      select.addEventListener("change", function () {
        apply(form, list, counter);
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(form, list, counter);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        apply(form, list, counter);
      }, 0);
    });
    // On a wide screen CSS shows the form whatever the state; open says so to assistive
    // technology too, and changes nothing that is seen.
    var block = document.querySelector("[data-kb-filterblok]");
    var wide = window.matchMedia("(min-width: 60em)");
    function follow() {
      if (block && wide.matches) {
        block.open = true;
      }
    }
    follow();
    wide.addEventListener("change", follow);
    apply(form, list, counter);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
