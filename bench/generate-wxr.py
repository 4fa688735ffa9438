#!/usr/bin/env python3
"""Writes a WordPress WXR 1.2 export for bench/import.sh: POSTS posts with COMMENTS comments in all, threaded
(about half are replies, up to a few levels deep), from a few thousand commenters (one in ten without an email).
Usage: bench/generate-wxr.py FILE [comments=100000] [posts=500]"""
import random
import sys

path = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
posts = int(sys.argv[3]) if len(sys.argv) > 3 else 500
random.seed(18)
commenters = 3000
words = ("the quick brown fox jumps over a lazy dog while robots pour coffee in a café near the harbour and "
         "everyone argues about batteries, chips, open source, privacy and the weather").split()


def text(n):
    return " ".join(random.choice(words) for _ in range(n))


with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '<title>Bench</title><wp:wxr_version>1.2</wp:wxr_version>\n')
    for a in range(5):
        f.write(f'<wp:author><wp:author_login><![CDATA[writer{a}]]></wp:author_login>'
                f'<wp:author_email><![CDATA[writer{a}@bench.invalid]]></wp:author_email>'
                f'<wp:author_display_name><![CDATA[Writer {a}]]></wp:author_display_name></wp:author>\n')
    comment_id = 1
    per_post = total // posts
    for p in range(posts):
        n = per_post + (1 if p < total % posts else 0)
        f.write(f'<item><title><![CDATA[Bench post {p}: {text(6)}]]></title>'
                f'<dc:creator><![CDATA[writer{p % 5}]]></dc:creator>'
                f'<content:encoded><![CDATA[<p>{text(120)}</p>\n<p>{text(80)} <a href="https://example.org/{p}">link</a></p>]]></content:encoded>'
                f'<excerpt:encoded><![CDATA[{text(20)}]]></excerpt:encoded>'
                f'<wp:post_id>{p + 1}</wp:post_id><wp:post_date_gmt><![CDATA[2020-01-{p % 28 + 1:02d} 10:00:00]]></wp:post_date_gmt>'
                f'<wp:post_name><![CDATA[bench-post-{p}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>'
                f'<wp:post_type><![CDATA[post]]></wp:post_type>'
                f'<category domain="category" nicename="section-{p % 6}"><![CDATA[Section {p % 6}]]></category>\n')
        ids = []
        for i in range(n):
            parent = random.choice(ids[-20:]) if ids and random.random() < 0.5 else 0
            who = random.randrange(commenters)
            email = "" if who % 10 == 0 else f"reader{who}@bench.invalid"
            f.write(f'<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>'
                    f'<wp:comment_author><![CDATA[Reader {who}]]></wp:comment_author>'
                    f'<wp:comment_author_email><![CDATA[{email}]]></wp:comment_author_email>'
                    f'<wp:comment_date_gmt><![CDATA[2020-02-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}:00]]></wp:comment_date_gmt>'
                    f'<wp:comment_content><![CDATA[{text(random.randint(8, 60))}]]></wp:comment_content>'
                    f'<wp:comment_approved><![CDATA[1]]></wp:comment_approved>'
                    f'<wp:comment_type><![CDATA[comment]]></wp:comment_type>'
                    f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
            ids.append(comment_id)
            comment_id += 1
        f.write('</item>\n')
    f.write('</channel>\n</rss>\n')
