#!/usr/bin/env python3
"""Builds the multilingual extraction fixtures: news pages in ten languages, laid out the way real news
sites lay them out (navigation, cookie banner, share widgets, inline advertisements and "read also" links,
related stories, reader comments, newsletter promotions, footers), each with the article text a reader would
call the main text. Five layouts are used so that no one page structure dominates:

  article  semantic <header>/<main>/<article>/<aside>/<footer>, English class names, figure with caption
  divsoup  nested <div>s only, class names in the page's own language (no English hint to lean on)
  jsonld   WordPress-like: JSON-LD NewsArticle, entry-content with a newsletter box and a related list inside
  brtext   an old CMS: the body is one element with paragraphs separated by <br><br>, table layout
  cjk      a Chinese/Japanese portal: full-width indents, source/editor lines, 分享到 bars
  portal   a big portal: breaking-news ticker, teaser cards whose summaries are full sentences (some outside
           their link), a long reader-comment thread with reply links, all in local class names; the body
           text of each language's first article again, the teasers taken from its second

Four more pages, in hi, th, el and he, are written by hand (not by this script) and carry their truth in
handwritten-truth.json, merged into ground-truth.json here.

Writes <slug>.html and ground-truth.json ({slug: {"articleBody", "url", "lang", "published", "author",
"layout"}}: the benchmark's shape, which the evaluator reads, and what the metadata tests check).
Deterministic: run it again after editing the texts. Usage: python3 make_pages.py [OUT_DIR]
"""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import articles_latin  # noqa: E402
import articles_other  # noqa: E402

CHROME = {**articles_latin.CHROME, **articles_other.CHROME}
ARTICLES = articles_latin.ARTICLES + articles_other.ARTICLES

PHOTO = {"de": "Foto", "fr": "Photo", "es": "Foto", "it": "Foto", "pt": "Foto", "pt-BR": "Foto", "nl": "Foto",
         "ru": "Фото", "zh": "图片来源", "ja": "写真", "ar": "صورة"}
# Class names in the page's language, as sites built locally use them.
LOCAL = {
    "de": dict(body="artikeltext", comments="leserkommentare", share="teilen", letter="infobrief", ad="werbung", foot="fusszeile", side="randspalte", tags="schlagworte"),
    "fr": dict(body="corps-texte", comments="reactions-lecteurs", share="partage", letter="lettre-info", ad="pub", foot="pied", side="colonne-droite", tags="mots-cles"),
    "es": dict(body="cuerpo-noticia", comments="opiniones", share="compartir", letter="boletin", ad="publi", foot="pie", side="lateral", tags="temas"),
    "it": dict(body="testo-articolo", comments="commenti", share="condividi", letter="iscriviti", ad="pubbli", foot="piede", side="colonna-dx", tags="argomenti"),
    "pt": dict(body="texto-materia", comments="comentarios", share="partilha", letter="boletim", ad="publi", foot="rodape", side="lateral", tags="topicos"),
    "pt-BR": dict(body="conteudo-materia", comments="comentarios", share="compartilhe", letter="cadastro", ad="publi", foot="rodape", side="coluna", tags="assuntos"),
    "nl": dict(body="artikel-tekst", comments="reacties", share="delen", letter="nieuwsbrief", ad="advertentie", foot="voet", side="zijkolom", tags="onderwerpen"),
    "ru": dict(body="statya-tekst", comments="kommentarii", share="podelitsya", letter="rassylka", ad="reklama", foot="podval", side="pravaya-kolonka", tags="tegi"),
    "zh": dict(body="zhengwen", comments="pinglun", share="fenxiang", letter="dingyue", ad="guanggao", foot="dibu", side="youce", tags="biaoqian"),
    "ja": dict(body="honbun", comments="komento", share="shea", letter="merumaga", ad="kokoku", foot="futta", side="saido", tags="kiwado"),
    "ar": dict(body="nass-alkhabar", comments="taaliqat", share="sharek", letter="nashra", ad="ilan", foot="tadhyil", side="janib", tags="wusum"),
}

e = html.escape


def html_lang(lang):
    return lang


def links(items, cls=None, prefix="/"):
    c = f' class="{cls}"' if cls else ""
    return "<ul%s>%s</ul>" % (c, "".join(f'<li><a href="{prefix}{i}">{e(t)}</a></li>' for i, t in enumerate(items)))


def body_blocks(a, para_tag="p", heading_tag="h2"):
    out = []
    for p in a["paragraphs"]:
        if p.startswith("##"):
            out.append(f"<{heading_tag}>{e(p[2:])}</{heading_tag}>")
        else:
            out.append(f"<{para_tag}>{e(p)}</{para_tag}>")
    return out


def expected(a):
    return "\n\n".join(p[2:] if p.startswith("##") else p for p in a["paragraphs"])


def head(a, c, extra=""):
    rtl = ' dir="rtl"' if a["lang"] == "ar" else ""
    return f"""<!DOCTYPE html>
<html lang="{a['lang']}"{rtl}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a['title'])} | {e(c['site'])}</title>
<meta name="description" content="{e(a['paragraphs'][0][:150])}">
<link rel="canonical" href="{a['url']}">
{extra}
<link rel="stylesheet" href="/static/css/main.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head>
"""


def comments_list(c, item_class="comment", body_class="comment-body"):
    return "".join(
        f'<li class="{item_class}"><div class="comment-author"><strong>{e(n)}</strong> <span class="comment-date">{i + 2} h</span></div>'
        f'<div class="{body_class}"><p>{e(t)}</p></div><a class="reply" href="#">↩</a></li>'
        for i, (n, t) in enumerate(c["comment_items"]))


def page_article(a, c):
    blocks = body_blocks(a)
    blocks.insert(3, f'<aside class="inline-related"><strong>{e(c["read_also"])}</strong> <a href="/r/1">{e(c["related_items"][0])}</a></aside>')
    return head(a, c, f'<meta property="og:title" content="{e(a["title"])}">\n<meta property="og:site_name" content="{e(c["site"])}">\n'
                      f'<meta property="article:published_time" content="{a["date_iso"]}">') + f"""<body class="article-page">
<div id="cookie-consent" class="cookie-banner" role="dialog"><p>{e(c['cookie'])}</p><button>{e(c['cookie_buttons'][0])}</button><button>{e(c['cookie_buttons'][1])}</button></div>
<header class="site-header">
<a class="logo" href="/">{e(c['site'])}</a>
<nav class="main-nav">{links(c['nav'])}</nav>
<form class="search" action="/search"><input type="text" name="q"></form>
</header>
<main id="main">
<article class="story">
<header class="story-header">
<p class="kicker"><a href="/s">{e(c['nav'][3])}</a></p>
<h1 class="headline">{e(a['title'])}</h1>
<div class="story-meta"><span class="author">{e(c['byline'])} <a href="/a/1">{e(a['author'])}</a></span> · <time datetime="{a['date_iso']}">{e(a['date_visible'])}</time></div>
</header>
<figure class="lead-image"><img src="/img/lead.jpg" alt=""><figcaption>{e(PHOTO[a['lang']])}: {e(a['author'])} / {e(c['site'])}</figcaption></figure>
<div class="story-body">
{chr(10).join(blocks)}
</div>
<div class="share-tools"><span>{e(c['share'])}</span>{"".join(f'<a href="#" class="share-{i}">{e(s)}</a>' for i, s in enumerate(c['share_buttons']))}</div>
<div class="story-tags"><span>{e(c['tags'])}:</span> <a href="/t/1">{e(c['nav'][2])}</a> <a href="/t/2">{e(c['nav'][6])}</a></div>
</article>
<section class="related-stories"><h2>{e(c['related'])}</h2>{links(c['related_items'], prefix='/r/')}</section>
<section id="comments" class="comments-area"><h2>{e(c['comment_count'])}</h2><ol class="comment-list">{comments_list(c)}</ol>
<form class="comment-form"><p>{e(c['comment_form'])}</p><textarea></textarea><button>OK</button></form></section>
</main>
<aside class="sidebar"><h3>{e(c['most_read'])}</h3>{links(c['related_items'][::-1], prefix='/m/')}
<div class="newsletter-signup"><p>{e(c['newsletter'])}</p><input type="email"><button>{e(c['newsletter_button'])}</button></div></aside>
<footer class="site-footer">{links(c['footer'], prefix='/f/')}<p>{e(c['copyright'])}</p></footer>
<script src="/static/js/app.js"></script>
</body>
</html>
"""


def page_divsoup(a, c):
    k = LOCAL[a["lang"]]
    blocks = body_blocks(a, heading_tag="h3")
    blocks.insert(2, f'<div class="{k["ad"]}-bloque"><span>{e(c["ad"])}</span><div id="ad-slot-1" style="min-height:250px"></div></div>')
    blocks.insert(5, f'<p><strong>{e(c["read_also"])}</strong> <a href="/r/2">{e(c["related_items"][1])}</a></p>')
    opinions = "".join(f'<div class="{k["comments"]}-item"><div class="autor"><b>{e(n)}</b></div><div class="txt">{e(t)}</div></div>'
                       for n, t in c["comment_items"])
    return head(a, c) + f"""<body>
<div id="pagina">
<div class="{k['letter']}-aviso" id="aviso"><div class="txt">{e(c['cookie'])}</div><a href="#" class="btn">{e(c['cookie_buttons'][0])}</a></div>
<div class="cabecera"><div class="marca"><a href="/">{e(c['site'])}</a></div>
<div class="secciones">{"".join(f'<a href="/s/{i}">{e(t)}</a> ' for i, t in enumerate(c['nav']))}</div></div>
<div class="contenedor">
<div class="col1">
<div class="antetitulo"><a href="/s/1">{e(c['nav'][1])}</a></div>
<h1>{e(a['title'])}</h1>
<div class="firma">{e(c['byline'])} {e(a['author'])} | {e(a['date_visible'])}</div>
<div class="{k['share']}">{"".join(f'<a href="#">{e(s)}</a>' for s in c['share_buttons'])}</div>
<div class="{k['body']}">
{chr(10).join(blocks)}
</div>
<div class="{k['letter']}"><div class="txt">{e(c['newsletter'])}</div><input type="text"><a href="#" class="btn">{e(c['newsletter_button'])}</a></div>
<div class="{k['tags']}">{"".join(f'<a href="/t/{i}">{e(t)}</a> ' for i, t in enumerate(c['nav'][1:4]))}</div>
<div class="{k['comments']}"><h3>{e(c['comments'])}</h3>{opinions}<div class="nota">{e(c['comment_form'])}</div></div>
</div>
<div class="col2"><div class="titulo">{e(c['most_read'])}</div>{"".join(f'<div class="item"><a href="/m/{i}">{e(t)}</a></div>' for i, t in enumerate(c['related_items']))}</div>
</div>
<div class="{k['foot']}">{" | ".join(f'<a href="/f/{i}">{e(t)}</a>' for i, t in enumerate(c['footer']))}<br>{e(c['copyright'])}</div>
</div>
</body>
</html>
"""


def page_jsonld(a, c):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": a["date_iso"],
          "author": {"@type": "Person", "name": a["author"]}, "publisher": {"@type": "Organization", "name": c["site"]},
          "inLanguage": a["lang"], "mainEntityOfPage": a["url"]}
    blocks = body_blocks(a)
    mid = len(blocks) // 2
    blocks.insert(mid, f'<div class="nl-signup-box"><p>{e(c["newsletter"])}</p><form><input type="email"><button>{e(c["newsletter_button"])}</button></form></div>')
    blocks.insert(2, f'<div class="wp-block-group related-inline"><p><strong>{e(c["read_also"])}</strong></p>{links(c["related_items"][:3], prefix="/r/")}</div>')
    wp_comments = "".join(
        f'<li class="comment depth-1"><article class="comment-body"><footer class="comment-meta"><b class="fn">{e(n)}</b> '
        f'<time datetime="{a["date_iso"]}">{e(a["date_visible"])}</time></footer><div class="comment-content"><p>{e(t)}</p></div></article></li>'
        for n, t in c["comment_items"])
    return head(a, c, f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
                      f'<meta property="og:site_name" content="{e(c["site"])}">') + f"""<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/">{e(c['site'])}</a></p></div>
<nav id="site-navigation" class="main-navigation">{links(c['nav'], cls='menu')}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4711" class="post-4711 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(a['title'])}</h1>
<div class="entry-meta"><span class="byline">{e(c['byline'])} <span class="author vcard"><a class="url fn n" href="/a/">{e(a['author'])}</a></span></span>
<span class="posted-on"><time class="entry-date published" datetime="{a['date_iso']}">{e(a['date_visible'])}</time></span></div></header>
<div class="entry-content">
{chr(10).join(blocks)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">{e(c['share'])}</h3>{links(c['share_buttons'], prefix='#s')}</div>
</div>
<footer class="entry-footer"><span class="tags-links">{e(c['tags'])}: <a href="/t/1">{e(c['nav'][2])}</a>, <a href="/t/2">{e(c['nav'][5])}</a></span></footer>
</article>
<nav class="post-navigation"><a href="/prev">« {e(c['related_items'][2])}</a> <a href="/next">{e(c['related_items'][3])} »</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">{e(c['comment_count'])}</h2><ol class="comment-list">{wp_comments}</ol>
<div id="respond" class="comment-respond"><h3>{e(c['comments'])}</h3><form class="comment-form"><p class="comment-notes">{e(c['comment_form'])}</p><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">{e(c['most_read'])}</h2>{links(c['related_items'], prefix='/m/')}</section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{e(c['copyright'])}</div>{links(c['footer'], prefix='/f/')}</footer>
</div>
<div class="cookie-notice-container"><span id="cn-notice-text">{e(c['cookie'])}</span><a href="#">{e(c['cookie_buttons'][0])}</a></div>
</body>
</html>
"""


def page_brtext(a, c):
    parts = []
    for p in a["paragraphs"]:
        parts.append(f"<b>{e(p[2:])}</b>" if p.startswith("##") else e(p))
    text = "<br><br>\n".join(parts[:3]) + f'<br><br>\n<span class="adv">{e(c["ad"])}</span><iframe src="/ads/1"></iframe><br><br>\n' + "<br><br>\n".join(parts[3:])
    rows = "".join(f'<tr><td class="nome">{e(n)}</td></tr><tr><td class="testo-commento">{e(t)}</td></tr>' for n, t in c["comment_items"])
    return head(a, c) + f"""<body bgcolor="#ffffff">
<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="2">
<a href="/"><img src="/img/logo.gif" alt="{e(c['site'])}"></a><br>
{" &middot; ".join(f'<a href="/s/{i}">{e(t)}</a>' for i, t in enumerate(c['nav']))}
</td></tr>
<tr><td valign="top" width="680">
<span class="data">{e(a['date_visible'])}</span>
<h1 class="titolo">{e(a['title'])}</h1>
<span class="autore">{e(c['byline'])} {e(a['author'])}</span><br><br>
<div id="testo" class="testo">
{text}
</div>
<br><a href="#">{e(c['share_buttons'][0])}</a> | <a href="#">{e(c['share_buttons'][1])}</a> | <a href="#">{e(c['share_buttons'][2])}</a>
<br><br><b>{e(c['related'])}</b><br>
{"<br>".join(f'<a href="/r/{i}">{e(t)}</a>' for i, t in enumerate(c['related_items']))}
<br><br><b>{e(c['comments'])}</b>
<table class="commenti">{rows}</table>
</td>
<td valign="top" width="300"><b>{e(c['most_read'])}</b><br>{"<br>".join(f'<a href="/m/{i}">{e(t)}</a>' for i, t in enumerate(c['related_items'][::-1]))}
<br><br><div class="box">{e(c['newsletter'])} <a href="#">{e(c['newsletter_button'])}</a></div></td></tr>
<tr><td colspan="2" align="center"><small>{" - ".join(e(t) for t in c['footer'])}<br>{e(c['copyright'])}</small></td></tr>
</table>
<div id="cookiebar">{e(c['cookie'])} <a href="#">{e(c['cookie_buttons'][0])}</a></div>
</body>
</html>
"""


def page_cjk(a, c):
    k = LOCAL[a["lang"]]
    ps = []
    for p in a["paragraphs"]:
        ps.append(f"<p><strong>{e(p[2:])}</strong></p>" if p.startswith("##") else f'<p style="text-indent:2em;">\u3000\u3000{e(p)}</p>')
    source = "来源：" if a["lang"] == "zh" else "配信元："
    editor = f"（责任编辑：{e(a['author'])}）" if a["lang"] == "zh" else f"（{e(a['author'])}）"
    return head(a, c) + f"""<body>
<div class="topbar">{"".join(f'<a href="/c/{i}">{e(t)}</a>' for i, t in enumerate(c['nav']))}</div>
<div class="wrap">
<div class="position"><a href="/">{e(c['nav'][0])}</a> &gt; <a href="/c/1">{e(c['nav'][1])}</a> &gt; 正文</div>
<div class="main-left">
<h1>{e(a['title'])}</h1>
<div class="info"><span>{e(a['date_visible'])}</span> <span>{source}{e(c['site'])}</span> <span>{e(c['byline'])}：{e(a['author'])}</span></div>
<div class="{k['body']}" id="Content">
{chr(10).join(ps)}
</div>
<div class="editor">{editor}</div>
<div class="{k['share']}">{e(c['share'])}{"".join(f'<a href="#">{e(s)}</a>' for s in c['share_buttons'])}</div>
<div class="xgxw"><div class="tit">{e(c['related'])}</div>{links(c['related_items'], prefix='/r/')}</div>
<div class="{k['comments']}"><div class="tit">{e(c['comment_count'])}</div>{"".join(f'<dl><dt>{e(n)}</dt><dd>{e(t)}</dd></dl>' for n, t in c['comment_items'])}<p>{e(c['comment_form'])}</p></div>
</div>
<div class="main-right"><div class="tit">{e(c['most_read'])}</div>{links(c['related_items'][::-1], prefix='/m/')}
<div class="{k['letter']}">{e(c['newsletter'])}</div></div>
</div>
<div class="{k['foot']}">{" | ".join(f'<a href="/f/{i}">{e(t)}</a>' for i, t in enumerate(c['footer']))}<p>{e(c['copyright'])}</p></div>
<div class="cookie-tip">{e(c['cookie'])}<a href="#">{e(c['cookie_buttons'][0])}</a></div>
</body>
</html>
"""


def first_sentence(text):
    for end in ("。", ". ", "! ", "? ", "؟ "):
        if end in text:
            return text[: text.index(end) + len(end)].strip()
    return text


def page_portal(a, c, other):
    k = LOCAL[a["lang"]]
    teasers = []
    for i, p in enumerate(q for q in other["paragraphs"] if not q.startswith("##")):
        headline = c["related_items"][i % len(c["related_items"])]
        summary = first_sentence(p)
        if i % 2 == 0:
            teasers.append(f'<div class="{k["side"]}-karte"><a href="/t/{i}"><img src="/img/t{i}.jpg" alt=""><h3>{e(headline)}</h3><p>{e(summary)}</p></a></div>')
        else:
            teasers.append(f'<div class="{k["side"]}-karte"><a href="/t/{i}"><h3>{e(headline)}</h3></a><p class="vorspann">{e(summary)}</p><span class="zeit">{i + 1} h</span></div>')
    thread = []
    for i, (n, t) in enumerate(c["comment_items"] * 2):
        extra = first_sentence(other["paragraphs"][-1 - i % 3]) if i >= 3 else ""
        thread.append(f'<div class="{k["comments"]}-eintrag" id="c{i}"><div class="kopf"><b>{e(n)}</b> <span>{i + 1} h</span></div>'
                      f'<div class="inhalt"><p>{e(t)}</p>{f"<p>{e(extra)}</p>" if extra else ""}</div>'
                      f'<div class="aktionen"><a href="#r{i}">↩</a> <a href="#l{i}">👍 {3 * i + 1}</a></div></div>')
    ticker = "".join(f'<li><span class="uhr">{9 + i}:{15 * i:02d}</span> <a href="/n/{i}">{e(t)}</a></li>' for i, t in enumerate(c["related_items"]))
    return head(a, c, f'<meta property="og:title" content="{e(a["title"])}">\n<meta property="og:site_name" content="{e(c["site"])}">') + f"""<body>
<div class="kopfzeile">
<div class="marke"><a href="/">{e(c['site'])}</a></div>
<ul class="rubriken">{"".join(f'<li><a href="/s/{i}">{e(t)}</a></li>' for i, t in enumerate(c['nav'] * 2))}</ul>
<div class="eilmeldung"><ul>{ticker}</ul></div>
</div>
<div class="seite">
<div class="hauptspalte">
<div class="beitrag">
<h1>{e(a['title'])}</h1>
<div class="zeile">{e(c['byline'])} {e(a['author'])} · {e(a['date_visible'])}</div>
<div class="{k['body']}">
{chr(10).join(body_blocks(a))}
</div>
<div class="{k['share']}-leiste"><b>{e(c['share'])}</b> {" ".join(f'<a href="#">{e(s)}</a>' for s in c['share_buttons'])}</div>
</div>
<div class="{k['side']}-raster"><h2>{e(c['related'])}</h2>{"".join(teasers)}</div>
<div class="{k['comments']}-bereich"><h2>{e(c['comment_count'])}</h2>{"".join(thread)}<div class="hinweis">{e(c['comment_form'])}</div></div>
</div>
<div class="nebenspalte"><h3>{e(c['most_read'])}</h3><ol>{"".join(f'<li><a href="/m/{i}">{e(t)}</a></li>' for i, t in enumerate(c['related_items']))}</ol>
<div class="{k['letter']}-kasten"><p>{e(c['newsletter'])}</p><a href="#">{e(c['newsletter_button'])}</a></div></div>
</div>
<div class="{k['foot']}">{" ".join(f'<a href="/f/{i}">{e(t)}</a>' for i, t in enumerate(c['footer']))}<p>{e(c['copyright'])}</p></div>
<div class="{k['letter']}-hinweis-cookies"><p>{e(c['cookie'])}</p><button>{e(c['cookie_buttons'][0])}</button></div>
</body>
</html>
"""


TEMPLATES = {"article": page_article, "divsoup": page_divsoup, "jsonld": page_jsonld, "brtext": page_brtext, "cjk": page_cjk}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    truth = {}
    for a in ARTICLES:
        a = dict(a)
        a["url"] = f"https://news.example/{a['lang'].lower()}/2023/{a['slug']}.html"
        c = CHROME[a["lang"]]
        page = TEMPLATES[a["template"]](a, c)
        with open(os.path.join(out, a["slug"] + ".html"), "w", encoding="utf-8") as f:
            f.write(page)
        truth[a["slug"]] = {"articleBody": expected(a), "url": a["url"], "lang": a["lang"].split("-")[0],
                            "published": a["date_iso"][:10], "author": a["author"], "layout": a["template"]}
    # Each language's first article again in the portal layout, with teasers from its second.
    seen = set()
    for a in ARTICLES:
        lang = a["lang"].split("-")[0]
        if lang in seen:
            continue
        seen.add(lang)
        other = next(b for b in ARTICLES if b["lang"].split("-")[0] == lang and b is not a)
        a = dict(a, slug=a["slug"] + "-portal", template="portal")
        a["url"] = f"https://portal.example/{lang}/{a['slug']}"
        c = CHROME[a["lang"]]
        with open(os.path.join(out, a["slug"] + ".html"), "w", encoding="utf-8") as f:
            f.write(page_portal(a, c, other))
        truth[a["slug"]] = {"articleBody": expected(a), "url": a["url"], "lang": lang,
                            "published": a["date_iso"][:10], "author": a["author"], "layout": "portal"}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "handwritten-truth.json"), encoding="utf-8") as f:
        truth.update(json.load(f))
    with open(os.path.join(out, "ground-truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"{len(truth)} pages written to {out}")


if __name__ == "__main__":
    main()
