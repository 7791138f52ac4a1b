// On paper a link is its address, but an address after every link breaks the sentences. So
// every link in the text gets a number, printed after it as [1], and the addresses are listed
// under that number at the end of the page (absolute, so they work from paper). Without
// JavaScript the print style sheet (kennisbank.css) writes the addresses of links to other
// sites after the link instead. Nothing of this shows on screen.
(function () {
  function numberLinks() {
    var article = document.querySelector(".md-content .md-typeset");
    if (!article) return;
    var old = article.querySelector(".kb-print-notes");
    if (old) old.remove();
    var numbers = {};
    var addresses = [];
    article.querySelectorAll("a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      link.removeAttribute("data-print-note");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      if (link.closest(".md-tags, .kb-print-header")) return;
      if (link.textContent.trim() === link.href) return; // the text already is the address
      if (!(link.href in numbers)) {
        addresses.push(link.href);
        numbers[link.href] = addresses.length;
      }
      link.setAttribute("data-print-note", numbers[link.href]);
    });
    article.classList.toggle("kb-print-noted", addresses.length > 0);
    if (!addresses.length) return;
    var notes = document.createElement("section");
    notes.className = "kb-print-notes";
    var heading = document.createElement("h2");
    heading.textContent = "Adressen van de links";
    var list = document.createElement("ol");
    addresses.forEach(function (address) {
      var item = document.createElement("li");
      item.textContent = address;
      list.appendChild(item);
    });
    notes.appendChild(heading);
    notes.appendChild(list);
    article.appendChild(notes);
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(numberLinks); // Material's page-load signal, instant navigation included
  } else {
    document.addEventListener("DOMContentLoaded", numberLinks);
  }
})();
