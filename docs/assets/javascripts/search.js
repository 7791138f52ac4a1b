/* Kennisbank Bevolkingszorg: the site's own search, in Dutch, with facets and their counts.
 *
 * Online it asks Pagefind (pagefind/, a static index in chunks: a query fetches only the words
 * it needs). From file:// (the offline copy) Pagefind cannot fetch, so the records embedded in
 * search/offline-index.js are searched here instead, with the same query rules. Both engines
 * answer the same question: { total, results, counts } for a query, filters and an order.
 *
 * The search page (zoeken/) is a plain GET form; this script searches while typing, keeps the
 * query and the filters in the address (?q=…&thema=…), shows the count of every facet value,
 * and announces the number of results. The header's search field sends its query to that page;
 * focusing it starts loading the engine (the search page loads it once the page has loaded),
 * so it is ready when typing ends.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script ? script.src : window.location.href); // assets/javascripts/
  var OFFLINE = window.location.protocol === "file:";
  var FACETS = ["type", "thema", "regio", "status", "jaar", "soort"];
  var PAGE = 10;
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  /* --- Dutch query rules, the same for both engines ------------------------------------ */

  // Lower case without diacritics: "Fryslân" and "Fryslan" are one word.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // "regio's" -> "regio", "scenario’s" -> "scenario": the plural 's after a vowel, which
  // Pagefind's Dutch stemmer keeps as a word of its own.
  function normalise(query) {
    return query.replace(/([A-Za-zÀ-ÿ]*[aeiouyAEIOUYÀ-ÿ])['’‘`´]s(?![A-Za-zÀ-ÿ])/g, "$1")
      .replace(/\s+/g, " ").trim();
  }

  /* --- Pagefind (online) ---------------------------------------------------------------- */

  var pagefind = null;

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        // On the main thread: the search itself takes milliseconds, and a worker would be
        // one more script to fetch before the first result.
        return pf.options({ noWorker: true, excerptLength: 22 }).then(function () {
          return pf.init();
        }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function pagefindFilters(chosen, except) {
    var filters = {};
    FACETS.forEach(function (name) {
      if (name !== except && chosen[name] && chosen[name].length) {
        filters[name] = { any: chosen[name] };
      }
    });
    return filters;
  }

  var filtersLoaded = null;

  function pagefindSearch(query, chosen, order, wantCounts) {
    return loadPagefind().then(function (pf) {
      var term = query ? normalise(query) : null;
      var options = { filters: pagefindFilters(chosen) };
      if (order === "nieuw") {
        options.sort = { datum: "desc" };
      }
      return pf.search(term, options).then(function (found) {
        var answer = {
          total: found.results.length,
          results: found.results.map(function (result) {
            return { load: function () { return result.data().then(fromPagefind); } };
          }),
          counts: null,
        };
        if (!wantCounts) {
          return answer;
        }
        // Counts need every facet's filter chunk; they come after the first results.
        if (!filtersLoaded) {
          filtersLoaded = pf.filters();
        }
        return filtersLoaded.then(function () {
          return pf.search(term, options);
        }).then(function (again) {
          var counts = again.filters || {};
          // A chosen facet counts as if it were not chosen, so its other values show how
          // many results choosing them too would add.
          var extra = FACETS.filter(function (name) {
            return chosen[name] && chosen[name].length;
          }).map(function (name) {
            return pf.search(term, { filters: pagefindFilters(chosen, name) }).then(function (other) {
              counts[name] = (other.filters || {})[name] || {};
            });
          });
          return Promise.all(extra).then(function () {
            answer.counts = counts;
            return answer;
          });
        });
      });
    });
  }

  function fromPagefind(data) {
    var url = (data.raw_url || data.url || "").replace(/^\//, "");
    return {
      url: new URL(url, ROOT).href,
      title: data.meta.title || "",
      type: data.meta.type || "",
      summary: data.meta.summary || "",
      date: data.meta.date || "",
      excerpt: data.excerpt || "",
    };
  }

  /* --- The embedded records (offline copy, file://) ------------------------------------ */

  var offline = null;

  function loadOffline() {
    if (!offline) {
      offline = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL("search/offline-index.js", ROOT).href;
        tag.onload = function () { resolve(prepare(window.kennisbankZoekindex || [])); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return offline;
  }

  function words(text) {
    var found = [];
    fold(normalise(text)).split(/[^a-z0-9\-]+/).forEach(function (word) {
      if (!word) {
        return;
      }
      found.push(word.replace(/-/g, ""));
      if (word.indexOf("-") !== -1) {
        found = found.concat(word.split("-").filter(Boolean));
      }
    });
    return found;
  }

  function prepare(records) {
    return records.map(function (record) {
      return {
        record: record,
        title: words(record.title),
        summary: words(record.summary + " " + record.type),
        text: words(record.text),
      };
    });
  }

  // A query word matches a word of the record that starts with it, or with it without its
  // plural ending: bewoners -> bewoner, opvanglocaties -> opvanglocatie, taakkaarten.
  function stems(word) {
    var found = [word];
    if (word.length > 4 && /en$/.test(word)) {
      found.push(word.slice(0, -2));
    }
    if (word.length > 3 && /s$/.test(word)) {
      found.push(word.slice(0, -1));
    }
    return found;
  }

  function hits(list, options) {
    return list.some(function (word) {
      return options.some(function (stem) { return word.indexOf(stem) === 0; });
    });
  }

  function offlineSearch(query, chosen, order) {
    return loadOffline().then(function (prepared) {
      var terms = words(query || "").map(stems);
      function matchesQuery(item) {
        return terms.every(function (options) {
          return hits(item.title, options) || hits(item.summary, options) ||
            hits(item.text, options);
        });
      }
      function matchesFacets(item, except) {
        return FACETS.every(function (name) {
          var wanted = chosen[name] || [];
          if (name === except || !wanted.length) {
            return true;
          }
          var has = item.record.facets[name] || [];
          return wanted.some(function (value) { return has.indexOf(value) !== -1; });
        });
      }
      var matching = prepared.filter(function (item) {
        return (terms.length || anyChosen(chosen)) && matchesQuery(item);
      });
      var shown = matching.filter(function (item) { return matchesFacets(item); });
      var counts = {};
      FACETS.forEach(function (name) {
        counts[name] = {};
        matching.forEach(function (item) {
          if (!matchesFacets(item, name)) {
            return;
          }
          (item.record.facets[name] || []).forEach(function (value) {
            counts[name][value] = (counts[name][value] || 0) + 1;
          });
        });
      });
      function score(item) {
        return terms.reduce(function (sum, options) {
          return sum + (hits(item.title, options) ? 10 : 0) +
            (hits(item.summary, options) ? 3 : 0) + (hits(item.text, options) ? 1 : 0);
        }, 0);
      }
      shown.sort(function (a, b) {
        if (order === "nieuw") {
          return (b.record.date || "").localeCompare(a.record.date || "");
        }
        return score(b) - score(a);
      });
      return {
        total: shown.length,
        counts: counts,
        results: shown.map(function (item) {
          return { load: function () { return Promise.resolve(fromOffline(item.record, terms)); } };
        }),
      };
    });
  }

  function fromOffline(record, terms) {
    return {
      url: new URL(record.url + "index.html", ROOT).href,
      title: record.title,
      type: record.type,
      summary: record.summary,
      date: record.date,
      excerpt: passage(record.text, terms),
    };
  }

  // About 22 words around the first query word found, the words marked (as Pagefind does).
  function passage(text, terms) {
    var all = text.split(/\s+/);
    var folded = all.map(function (word) { return words(word); });
    function matches(index) {
      return terms.some(function (options) { return hits(folded[index], options); });
    }
    var first = 0;
    while (first < all.length && !matches(first)) {
      first += 1;
    }
    if (first === all.length) {
      return "";
    }
    var start = Math.max(0, first - 6);
    return all.slice(start, start + 22).map(function (word, offset) {
      var safe = escapeHtml(word);
      return matches(start + offset) ? "<mark>" + safe + "</mark>" : safe;
    }).join(" ");
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function anyChosen(chosen) {
    return FACETS.some(function (name) { return chosen[name] && chosen[name].length; });
  }

  var engine = OFFLINE ? { load: loadOffline, search: offlineSearch }
    : { load: loadPagefind, search: pagefindSearch };

  /* --- Showing results ------------------------------------------------------------------ */

  // As precise as the record's date: 15 maart 2016, maart 2016, 2016.
  function dutchDate(iso) {
    var parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!parts) {
      return "";
    }
    var month = parts[2] ? MONTHS[Number(parts[2]) - 1] + " " : "";
    return (parts[3] ? Number(parts[3]) + " " : "") + month + parts[1];
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // The engine's passage is escaped text with <mark> around the words found; it is read as
  // such (text and marks only), never inserted as HTML.
  function passageNode(excerpt) {
    var node = element("p", "kb-result__passage");
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body;
    var marked = false;
    Array.prototype.forEach.call(parsed.firstChild ? parsed.firstChild.childNodes : [], function (child) {
      if (child.nodeName === "MARK") {
        marked = true;
        node.appendChild(element("mark", "", child.textContent));
      } else {
        node.appendChild(document.createTextNode(child.textContent));
      }
    });
    return marked ? node : null;
  }

  function resultItem(data) {
    var item = element("li", "kb-result");
    var meta = element("p", "kb-result__meta");
    meta.appendChild(element("span", "kb-chip", data.type));
    if (data.date) {
      meta.appendChild(element("span", "kb-result__date", dutchDate(data.date)));
    }
    var title = element("h2", "kb-result__title");
    var link = element("a", "", data.title);
    link.href = data.url;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(meta);
    if (data.summary) {
      item.appendChild(element("p", "kb-result__summary", data.summary));
    }
    var found = data.excerpt ? passageNode(data.excerpt) : null;
    // A passage that only repeats the summary adds nothing.
    if (found && !(data.summary && found.textContent.indexOf(data.summary.slice(0, 40)) !== -1)) {
      item.appendChild(found);
    }
    return item;
  }

  function countText(total, query, chosen) {
    if (!query && !anyChosen(chosen)) {
      return "Typ een zoekterm of kies een filter.";
    }
    var what = total === 0 ? "Geen resultaten" : total + (total === 1 ? " resultaat" : " resultaten");
    return what + (query ? " voor ‘" + query + "’" : "") + (anyChosen(chosen) ? " met de gekozen filters" : "") + ".";
  }

  /* --- The search page ------------------------------------------------------------------ */

  function searchPage(form) {
    var input = form.querySelector("[data-kb-search-input]");
    var list = form.querySelector("[data-kb-search-results]");
    var status = form.querySelector("[data-kb-search-count]");
    var more = form.querySelector("[data-kb-search-more]");
    var moreButton = form.querySelector("[data-kb-search-more-button]");
    var sort = form.querySelector("[data-kb-search-sort]");
    var facets = form.querySelector("[data-kb-search-facets]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll(".kb-facet input[type=checkbox]"));
    var latest = 0;
    var current = null;
    var shownCount = 0;

    function chosen() {
      var found = {};
      boxes.forEach(function (box) {
        if (box.checked) {
          (found[box.name] = found[box.name] || []).push(box.value);
        }
      });
      return found;
    }

    function remember(query, picked) {
      var params = new URLSearchParams();
      if (query) {
        params.set("q", query);
      }
      FACETS.forEach(function (name) {
        (picked[name] || []).forEach(function (value) { params.append(name, value); });
      });
      if (sort.value) {
        params.set("volgorde", sort.value);
      }
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    // The folded filters say how many are chosen, so a phone shows it without opening them.
    var summary = facets.querySelector("summary");
    function showChosen(picked) {
      var n = FACETS.reduce(function (sum, name) { return sum + (picked[name] || []).length; }, 0);
      summary.textContent = "Filters" + (n ? " (" + n + " gekozen)" : "");
    }

    function showCounts(counts) {
      form.querySelectorAll(".kb-facet").forEach(function (fieldset) {
        var name = fieldset.getAttribute("data-kb-facet");
        var values = (counts && counts[name]) || {};
        fieldset.querySelectorAll(".kb-facet__option").forEach(function (option) {
          var box = option.querySelector("input");
          var count = option.querySelector(".kb-facet__count");
          var n = counts ? values[box.value] || 0 : null;
          count.textContent = n === null ? "" : "(" + n + ")";
          // Values without results stay visible (so the list does not jump) but dimmed.
          option.classList.toggle("kb-facet__option--empty", n === 0 && !box.checked);
        });
      });
    }

    function showMore(count) {
      var slice = current.results.slice(shownCount, shownCount + count);
      var mine = latest;
      return Promise.all(slice.map(function (result) { return result.load(); })).then(function (data) {
        if (mine !== latest) {
          return;
        }
        data.forEach(function (one) { list.appendChild(resultItem(one)); });
        shownCount += data.length;
        more.hidden = shownCount >= current.total;
      });
    }

    // One search at a time, always for the latest input: while one runs, keystrokes only mark
    // that another is due, so a fast typist never queues a search per letter. The counts of
    // the facets (more work: every filter chunk) follow once typing pauses.
    var announce = null;
    var running = false;
    var due = false;
    var countsTimer = null;
    var MIN_LIVE = 2; // letters before results show while typing (Enter searches any query)

    function run(event) {
      window.clearTimeout(countsTimer);
      var query = input.value.trim();
      var picked = chosen();
      remember(query, picked);
      showChosen(picked);
      latest += 1;
      if (event && event.type === "input" && query && query.length < MIN_LIVE && !anyChosen(picked)) {
        return;
      }
      if (running) {
        due = true;
        return;
      }
      running = true;
      due = false;
      var mine = latest;
      results(query, picked, mine).catch(function (error) {
        status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
        window.console.warn("kennisbank zoeken:", error);
      }).then(function () {
        running = false;
        if (due) {
          run();
        } else if (mine === latest) {
          countsTimer = window.setTimeout(function () { counts(query, picked, mine); }, 150);
        }
      });
    }

    function results(query, picked, mine) {
      if (!query && !anyChosen(picked)) {
        list.textContent = "";
        more.hidden = true;
        showCounts(null);
        form.removeAttribute("aria-busy");
        status.textContent = countText(0, query, picked);
        return Promise.resolve();
      }
      form.setAttribute("aria-busy", "true");
      return engine.search(query, picked, sort.value, false).then(function (answer) {
        if (mine !== latest) {
          return null;
        }
        current = answer;
        shownCount = 0;
        var first = answer.results.slice(0, PAGE);
        return Promise.all(first.map(function (r) { return r.load(); })).then(function (data) {
          if (mine !== latest) {
            return;
          }
          list.textContent = "";
          data.forEach(function (one) { list.appendChild(resultItem(one)); });
          shownCount = data.length;
          more.hidden = shownCount >= answer.total;
          form.setAttribute("data-kb-shown", query);
          // Announced once typing pauses, so a screen reader is not interrupted per letter.
          window.clearTimeout(announce);
          var text = countText(answer.total, query, picked);
          announce = window.setTimeout(function () { status.textContent = text; }, 350);
        });
      });
    }

    function counts(query, picked, mine) {
      if ((!query && !anyChosen(picked)) || running || mine !== latest) {
        return;
      }
      running = true;
      engine.search(query, picked, sort.value, true).then(function (answer) {
        if (mine !== latest) {
          return;
        }
        showCounts(answer.counts);
        form.removeAttribute("aria-busy");
        form.setAttribute("data-kb-ready", query + "|" + JSON.stringify(picked) + "|" + sort.value);
      }).catch(function (error) {
        window.console.warn("kennisbank zoeken:", error);
      }).then(function () {
        running = false;
        if (due) {
          run();
        }
      });
    }

    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
      box.addEventListener("change", run);
    });
    sort.value = params.get("volgorde") === "nieuw" ? "nieuw" : "";
    sort.addEventListener("change", run);
    input.addEventListener("focus", function () { engine.load(); });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll(".kb-result__title a"));
      var at = links.indexOf(document.activeElement);
      if (at === -1) {
        return;
      }
      if (event.key === "ArrowDown" && at < links.length - 1) {
        event.preventDefault();
        links[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(event);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        input.focus();
        run();
      }, 0);
    });
    moreButton.addEventListener("click", function () { showMore(PAGE); });
    form.classList.add("kb-search--ready");
    run();
    // This page is for searching: the engine loads as soon as the page has, not on focus.
    var idle = window.requestIdleCallback || function (then) { window.setTimeout(then, 1); };
    if (document.readyState === "complete") {
      idle(function () { engine.load(); });
    } else {
      window.addEventListener("load", function () { idle(function () { engine.load(); }); });
    }
  }

  /* --- Every page: the header's field loads the engine when it gets focus -------------- */

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-search-preload]"), function (field) {
      field.addEventListener("focus", function () { engine.load(); }, { once: true });
    });
    var form = document.querySelector("[data-kb-search]");
    if (form) {
      searchPage(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
