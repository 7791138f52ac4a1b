<?xml version="1.0" encoding="utf-8"?>
<!--
  A feed of the Kennisbank opened in a browser: a readable Dutch page that says what a feed is
  and how to subscribe, with the newest items as links. Feed readers ignore this stylesheet.
  Every value is written with xsl:value-of (text, never markup). Where a browser no longer
  runs XSLT, the feed's second stylesheet (feed.css) takes over.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="page" select="/atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="subscribe" select="/atom:feed/atom:link[@rel='related']/@href"/>

  <xsl:template match="/">
    <html lang="nl">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <!-- No icon: a browser would ask for /favicon.ico, which the site does not have. -->
        <link rel="icon" href="data:,"/>
        <title>Nieuwsfeed: <xsl:value-of select="/atom:feed/atom:title"/></title>
        <style>
          body { margin: 0; font: 1rem/1.55 Arial, Helvetica, sans-serif; color: #1a1a1a;
            background: #f5f5f5; }
          header { background: #1a237e; color: #ffffff; padding: 1rem; }
          header p { margin: 0; font-weight: bold; }
          main { max-width: 42rem; margin: 0 auto; padding: 1rem; background: #ffffff; }
          h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
          h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
          a { color: #1a237e; text-decoration: underline; }
          .uitleg { border: 2px solid #1a237e; padding: 0.75rem 1rem; margin: 1rem 0; }
          .uitleg h2 { margin-top: 0.25rem; }
          .uitleg p { margin: 0.5rem 0; }
          .adres { display: block; padding: 0.5rem; margin: 0.5rem 0; background: #e8eaf6;
            font-family: Consolas, monospace; overflow-wrap: anywhere; }
          ul.items { list-style: none; padding: 0; margin: 0; }
          ul.items li { border-top: 1px solid #c5cae9; padding: 0.75rem 0; }
          .soort { color: #595959; font-size: 0.875rem; }
          .items p { margin: 0.25rem 0 0; }
          /* Chromium warns here that XSLT will be removed and this page may stop working.
             It will not: where XSLT is gone, feed.css lays out the feed (README). */
          xslt-warning-banner { display: none !important; }
        </style>
      </head>
      <body>
        <header><p>Kennisbank Bevolkingszorg</p></header>
        <main>
          <h1><xsl:value-of select="/atom:feed/atom:title"/></h1>
          <p><xsl:value-of select="/atom:feed/atom:subtitle"/></p>
          <section class="uitleg" aria-labelledby="wat-is-een-feed">
            <h2 id="wat-is-een-feed">Dit is een nieuwsfeed</h2>
            <p>Een nieuwsfeed (RSS of Atom) is een lijst van het nieuwste op een site, bedoeld
              voor een feedlezer: een app of programma (zoals Outlook of Thunderbird) dat de
              nieuwsfeed
              regelmatig ophaalt en laat zien wat er nieuw is. Zo hoeft u niet zelf te blijven
              kijken.</p>
            <p>Abonneren: kopieer dit adres en plak het in uw feedlezer, meestal
              bij <em>Toevoegen</em> of <em>Abonneren</em>.</p>
            <code class="adres"><xsl:value-of select="$self"/></code>
            <p>
              <xsl:if test="$subscribe">
                <a href="{$subscribe}">Alle nieuwsfeeds, en de kennisbrief per e-mail</a>
                <xsl:if test="$page"> · </xsl:if>
              </xsl:if>
              <xsl:if test="$page">
                <a href="{$page}">Naar de pagina op de site</a>
              </xsl:if>
            </p>
          </section>
          <h2>Nieuwste items</h2>
          <xsl:choose>
            <xsl:when test="/atom:feed/atom:entry">
              <ul class="items">
                <xsl:apply-templates select="/atom:feed/atom:entry"/>
              </ul>
            </xsl:when>
            <xsl:otherwise>
              <p>Er staat nog niets in deze nieuwsfeed. Wat er bijkomt, ziet u in uw feedlezer.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
      <xsl:if test="atom:category/@label">
        <span class="soort"> (<xsl:value-of select="atom:category/@label"/>)</span>
      </xsl:if>
      <xsl:if test="atom:summary">
        <p><xsl:value-of select="atom:summary"/></p>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
