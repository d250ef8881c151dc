// Where one run of text is several paragraphs to a reader: field lines of
// bare text, blank lines, <br> between runs of prose, caption lines — and
// where it is not (prose wrapped at a width, verse, the markup's own line
// breaks, text in a <p>).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "helpers.h"

namespace {

std::vector<std::string> texts(const std::string &html) {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  options.default_profile(false);
  postparse::Document doc = test::parse(html, &options);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < postparse_doc_paragraph_count(doc.get()); ++i) {
    postparse_str text = postparse_doc_paragraph_text(doc.get(), i);
    out.emplace_back(text.data, text.len);
  }
  return out;
}

using Texts = std::vector<std::string>;

}  // namespace

TEST_CASE("bare field lines in a wrapper div are separate paragraphs, never joined", "[extract][cuts]") {
  // An event's name, venue and time, each on its line: no CJK join between them.
  CHECK(texts("<div>\n草间弥生展\n上海当代艺术馆\n10:00-18:00\n</div>") ==
        Texts{"草间弥生展", "上海当代艺术馆", "10:00-18:00"});
  // Labelled fields, some longer than a short line.
  CHECK(texts("<div>活动：春季摄影展览会开幕式暨颁奖典礼\n地点：上海市浦东新区世纪大道一百号展览中心\n时间：2024年3月1日</div>") ==
        Texts{"活动：春季摄影展览会开幕式暨颁奖典礼", "地点：上海市浦东新区世纪大道一百号展览中心", "时间：2024年3月1日"});
  // Lines that each end a sentence.
  CHECK(texts("<div>The museum opens at ten in the morning.\nTickets are sold at the door only.</div>") ==
        Texts{"The museum opens at ten in the morning.", "Tickets are sold at the door only."});
}

TEST_CASE("prose wrapped at a width stays one paragraph", "[extract][cuts]") {
  CHECK(texts("<div>Noora Health, a nonprofit I've supported\nfor years, just launched a new NFT with\na dramatic name, because that's what it does.</div>") ==
        Texts{"Noora Health, a nonprofit I've supported for years, just launched a new NFT with a dramatic name, "
              "because that's what it does."});
  // CJK prose wrapped at a width: joined without spaces.
  CHECK(texts("<div>这是一段很长的中文文字，作者按照固定的宽度把它\n换行了，所以读者看到的仍然是同一段文字，\n不应该被切开。</div>") ==
        Texts{"这是一段很长的中文文字，作者按照固定的宽度把它换行了，所以读者看到的仍然是同一段文字，不应该被切开。"});
  // In a <p>, source lines are white space, whatever they hold.
  CHECK(texts("<p>草间弥生展\n上海当代艺术馆</p>") == Texts{"草间弥生展上海当代艺术馆"});
}

TEST_CASE("a blank line in bare text ends a paragraph; a label keeps its value", "[extract][cuts]") {
  CHECK(texts("<div>First paragraph of a long text run, written as the feed gives it\nwith its lines wrapped here.\n\n"
              "Second paragraph after a blank line, also wrapped at the same width\nby the writer of the text.</div>") ==
        Texts{"First paragraph of a long text run, written as the feed gives it with its lines wrapped here.",
              "Second paragraph after a blank line, also wrapped at the same width by the writer of the text."});
  CHECK(texts("<div>类型:\n\n      手办<br>更新内容:\n   制作决定</div>") == Texts{"类型: 手办\n更新内容: 制作决定"});
  // A blank line at the edge of a text node, after an inline element, ends
  // a paragraph too; blank lines between two elements are the markup's layout.
  CHECK(texts("<div><em>Devils live among us.</em>\n\nWe are honored to have partnered with Riot Games.</div>") ==
        Texts{"Devils live among us.", "We are honored to have partnered with Riot Games."});
  CHECK(texts("<div><a href=\"a\">first link</a>\n\n<a href=\"b\">second link</a></div>").size() == 1);
}

TEST_CASE("line breaks of the markup around elements never cut", "[extract][cuts]") {
  CHECK(texts("<div>\n  <a href=\"/p/a\">Abed Abonamous</a>: \n  <span>Director</span>\n</div>") ==
        Texts{"Abed Abonamous: Director"});
  // A link that goes on over a source line break holds the two parts together.
  CHECK(texts("<div>开幕<a href=\"/x\">草间弥生展\n上海当代艺术馆</a>\n</div>") == Texts{"开幕草间弥生展上海当代艺术馆"});
}

TEST_CASE("a single <br> between runs of prose ends a paragraph; verse stays lines", "[extract][cuts][regression-cut-span-edge]") {
  CHECK(texts("<div>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>"
              "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。</div>") ==
        Texts{"第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。", "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。"});
  CHECK(texts("<div>床前明月光，<br>疑是地上霜。<br>举头望明月，<br>低头思故乡。</div>") ==
        Texts{"床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。"});
  // The first run does not end a sentence: a line of the same paragraph.
  CHECK(texts("<p>The committee met on Tuesday to discuss the budget and<br>the plans for the coming year were approved.</p>") ==
        Texts{"The committee met on Tuesday to discuss the budget and\nthe plans for the coming year were approved."});
  // A last line under a run of prose (a signature, a source) is its own
  // paragraph, with or without a final <br> after it.
  for (const char *end : {"", "<br>", "<br><br>"})
    CHECK(texts(std::string("<p>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>原文链接") + end + "</p>") ==
          Texts{"第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。", "原文链接"});
  // Which line is last is read in the paragraph the other cuts leave: here
  // a source line break cuts the second run in two, and its first half is
  // the last line under the prose (found by the invariants harness).
  CHECK(texts("<div>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>签名\n++<br>尾</div>") ==
        Texts{"第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。", "签名", "++\n尾"});
  // A heading stays one title (found by the invariants harness: an <h2>
  // holding a whole interview in <br> runs, cut, read back from Markdown
  // as one heading line).
  CHECK(texts("<h2>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>"
              "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。</h2>")
            .size() == 1);
  // Emphasis that only ends with the <br> does not (found by the
  // invariants harness: its Markdown rendering puts the break after the
  // closing "**", and read back it cut where the HTML had not).
  CHECK(texts("<p><strong>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br></strong>"
              "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。</p>") ==
        Texts{"第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。", "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。"});
  // Inline code across the <br> does not: Markdown cannot write a break
  // inside a code span, and its rendering read back cuts there (found by
  // the invariants harness).
  CHECK(texts("<p><code>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>y</code></p>") ==
        Texts{"第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。", "y"});
  // Emphasis across the <br> holds the runs together.
  CHECK(texts("<p><b>第一段是很长的文字，讲述了一个完整的故事，而且它以句号结束。<br>"
              "第二段也是很长的文字，讲述另一个完整的故事，同样以句号结束。</b></p>")
            .size() == 1);
}

TEST_CASE("runs that are each a whole sentence are separate paragraphs, however short", "[extract][cuts]") {
  CHECK(texts("<p>第二部作品爲您帶來全新的課程和歌曲。<br>遊戲性能、表現方式及支援持續鍛鍊等等的功能也全部提升！</p>") ==
        Texts{"第二部作品爲您帶來全新的課程和歌曲。", "遊戲性能、表現方式及支援持續鍛鍊等等的功能也全部提升！"});
  // A lead-in ending in a colon goes with them, at either end.
  CHECK(texts("<p>总结一下：<br>小的数据，使用cpu的原子操作指令；<br>大的数据，使用加锁或者COW的方式；<br>原理如下:</p>") ==
        Texts{"总结一下：", "小的数据，使用cpu的原子操作指令；", "大的数据，使用加锁或者COW的方式；", "原理如下:"});
  // One run that is no sentence keeps them together: a title over a
  // sentence, a label over its value, a run too short to tell.
  CHECK(texts("<p>在家也能爽快地鍛鍊<br>與教練一起跟著節奏動起來，輕鬆享受這款遊戲吧！</p>").size() == 1);
  CHECK(texts("<p>地址：<br>北京市海淀区中关村大街一号的大楼里。</p>").size() == 1);
  CHECK(texts("<p>好的。<br>我们明天再见面吧。</p>").size() == 1);
  // Judged on the paragraph the other rules leave, as its Markdown rendering
  // reads back (found by the corpus round trip: a source line break cut the
  // last run, and the paragraph left was all sentences).
  CHECK(texts("<div>※此特典仅限于活动现场购买商品时赠送。<br>请注意，此特典不适用于后续在网站上的销售。<br>"
              "※发放条件是每笔交易的总金额。\n【特典信息1】</div>") ==
        Texts{"※此特典仅限于活动现场购买商品时赠送。", "请注意，此特典不适用于后续在网站上的销售。", "※发放条件是每笔交易的总金额。",
              "【特典信息1】"});
  // Items marked with a bullet are a list its author wrote as one paragraph.
  CHECK(texts("<p>·中奖者将通过私信联系您。<br>·如果超过购买期限，将被取消。</p>").size() == 1);
}

TEST_CASE("every line of a caption is its own paragraph", "[extract][cuts]") {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  options.default_profile(false);
  std::string html = "<figure><img src=\"a.jpg\"><figcaption>A cat asleep on a mat.<br>Photo: <a href=\"/jd\">Jane Doe</a>"
                     "</figcaption></figure>";
  postparse::Document doc = test::parse(html, &options);
  REQUIRE(postparse_doc_paragraph_count(doc.get()) == 2);
  postparse_paragraph first = test::paragraph_at(doc.get(), 0), second = test::paragraph_at(doc.get(), 1);
  CHECK(std::string(first.text.data, first.text.len) == "A cat asleep on a mat.");
  CHECK(std::string(second.text.data, second.text.len) == "Photo: Jane Doe");
  CHECK(first.kind == POSTPARSE_PARAGRAPH_CAPTION);
  CHECK(second.kind == POSTPARSE_PARAGRAPH_CAPTION);
  // Each piece has its own place in the source, and the link is in the second.
  CHECK(html.substr(first.span.offset, first.span.length) == "A cat asleep on a mat.");
  CHECK(html.substr(second.span.offset, 6) == "Photo:");
  CHECK(first.inline_count == 0);
  REQUIRE(second.inline_count == 1);
  postparse_inline link = POSTPARSE_INIT(postparse_inline);
  REQUIRE(postparse_doc_inline_at(doc.get(), 1, 0, &link) == POSTPARSE_OK);
  std::string second_text(second.text.data, second.text.len);
  CHECK(second_text.substr(link.text_offset, link.text_length) == "Jane Doe");
}

TEST_CASE("a title line over text wrapped at a width is its own paragraph", "[extract][cuts]") {
  CHECK(texts("<div>\n11月1日起 故宫门票预售期调整为7天\n故宫博物院今天宣布，自2021年11月1日起，故宫博物院门票预售期由10天调整为7天，其他购票规则不变。\n</div>") ==
        Texts{"11月1日起 故宫门票预售期调整为7天",
              "故宫博物院今天宣布，自2021年11月1日起，故宫博物院门票预售期由10天调整为7天，其他购票规则不变。"});
  // A wrap's last line is the narrow one: nothing is cut.
  CHECK(texts("<div>这是一段很长的中文文字，作者按照固定的宽度把它换行了，读者\n看到的仍是同一段。</div>") ==
        Texts{"这是一段很长的中文文字，作者按照固定的宽度把它换行了，读者看到的仍是同一段。"});
}

namespace {

// Paragraph texts with the built-in profile on, and whether each is boilerplate.
std::vector<std::pair<std::string, bool>> classified(const std::string &html) {
  postparse::Options options;
  options.body_format(POSTPARSE_BODY_HTML);
  postparse::Document doc = test::parse(html, &options);
  std::vector<std::pair<std::string, bool>> out;
  for (const postparse::Paragraph &p : doc.paragraphs()) out.emplace_back(std::string(p.text), p.boilerplate);
  return out;
}

using Classified = std::vector<std::pair<std::string, bool>>;

}  // namespace

TEST_CASE("source wraps broken by inline elements and note numbers on their own line never cut", "[extract][cuts]") {
  // A narrow line inside wrapped prose (the wrap broken around a link) is
  // no title: only a group's first line can head it.
  CHECK(texts("<div>Naivete is an obstacle for anyone who wants to seem sophisticated,\nand this is one reason "
              "would-be intellectuals find it so difficult. And yet when you\nzoom in on Silicon Valley, right into "
              "\n<a href=\"j.html\">Jessica's brain</a>,\nthat's what her vision\nis seeking out. Earnestness!\n"
              "Who'd have guessed? Reporters literally can't believe it when\nfounders making piles of money say so."
              "</div>")
            .size() == 1);
  // A note number alone on its line goes with the note under it.
  CHECK(texts("<div>Notes<br><br>[<a href=\"#f1\">1</a>]\nIt's interesting how many different ways there are not\n"
              "to be earnest: to be cleverly cynical, to be superficially brilliant.</div>") ==
        Texts{"Notes", "[1] It's interesting how many different ways there are not to be earnest: to be cleverly cynical, "
                       "to be superficially brilliant."});
  CHECK(texts("<div>1.\nDear Shine Sky\n2.\nヒロガリズム</div>") == Texts{"1. Dear Shine Sky", "2. ヒロガリズム"});
}

TEST_CASE("a boilerplate line at either end of a <br> run is cut from its lines", "[extract][cuts]") {
  // A credit under a card of field lines, an original title over the text.
  CHECK(classified("<p>Comic Market 96 Day 1: Cosplayers<br>コミックマーケット96 1日目 コスプレイヤー<br>"
                   "摄影：Dick Thomas Johnson</p>") ==
        Classified{{"Comic Market 96 Day 1: Cosplayers\nコミックマーケット96 1日目 コスプレイヤー", false},
                   {"摄影：Dick Thomas Johnson", true}});
  CHECK(classified("<p>原标题：寺庙回应<br>记者走访了这座寺庙。</p>") ==
        Classified{{"原标题：寺庙回应", true}, {"记者走访了这座寺庙。", false}});
  // The line left last is cut as a last line is: a "read the original" line
  // under prose, with the notice under it cut off (as a Markdown rendering
  // without the notice reads it).
  CHECK(classified("<p>PS：希望这篇文章能够对不知道怎么分享的同学略有助益，否则打脸比较严重。<br><a href=\"/o\">原文链接</a><br>"
                   "本文为阿里云原创内容，未经允许不得转载。</p>") ==
        Classified{{"PS：希望这篇文章能够对不知道怎么分享的同学略有助益，否则打脸比较严重。", false},
                   {"原文链接", true},
                   {"本文为阿里云原创内容，未经允许不得转载。", true}});
  // A line in the middle is no edge.
  CHECK(classified("<p>名称：手办<br>图片来源：网络<br>价格：525元</p>") ==
        Classified{{"名称：手办\n图片来源：网络\n价格：525元", false}});
  // Without a profile nothing is cut.
  CHECK(texts("<p>Comic Market 96<br>摄影：Dick Thomas Johnson</p>") == Texts{"Comic Market 96\n摄影：Dick Thomas Johnson"});
}

TEST_CASE("a picture credit ending a caption after a sentence end, a blank or a bar is cut off", "[extract][cuts]") {
  CHECK(classified("<div><img src=\"a.jpg\"><br>人们在彩灯前合影。国家统计局公布了数据。摄影师：Yang Jianzheng</div>") ==
        Classified{{"人们在彩灯前合影。国家统计局公布了数据。", false}, {"摄影师：Yang Jianzheng", true}});
  CHECK(classified("<p><img src=\"a.png\"></p><p><span>奥密克戎占全部病例的比例变化 图自华尔街日报</span></p>") ==
        Classified{{"奥密克戎占全部病例的比例变化", false}, {"图自华尔街日报", true}});
  CHECK(classified("<figure><video src=\"v.mp4\"></video><figcaption>大银线蝠幼崽。｜图片来源：Michael Stifter and Ahana "
                   "Fernandez, CC BY-ND</figcaption></figure>") ==
        Classified{{"大银线蝠幼崽。", false}, {"图片来源：Michael Stifter and Ahana Fernandez, CC BY-ND", true}});
  // A credit in brackets closing the caption goes with its brackets.
  CHECK(classified("<figure><img src=\"a.jpg\"><figcaption>古城毁灭瞬间的艺术复原图（图片来源：Allen West and Jennifer "
                   "Rice）</figcaption></figure>") ==
        Classified{{"古城毁灭瞬间的艺术复原图", false}, {"（图片来源：Allen West and Jennifer Rice）", true}});
  // Brackets that close before the end, or hold no credit, stay.
  CHECK(classified("<figure><img src=\"a.jpg\"><figcaption>复原图（左）与遗址（右）</figcaption></figure>") ==
        Classified{{"复原图（左）与遗址（右）", false}});
  // Text that is no caption keeps the words: neither by an image nor in a caption.
  CHECK(classified("<p>大银线蝠幼崽。｜图片来源：Michael Stifter and Ahana Fernandez, CC BY-ND</p>") ==
        Classified{{"大银线蝠幼崽。｜图片来源：Michael Stifter and Ahana Fernandez, CC BY-ND", false}});
  CHECK(classified("<p><img src=\"a.png\"></p><p>图说明。</p><p>奥密克戎占全部病例的比例变化 图自华尔街日报</p>") ==
        Classified{{"图说明。", false}, {"奥密克戎占全部病例的比例变化 图自华尔街日报", false}});
  // Other boilerplate inside a paragraph stays in it: only picture credits are cut from the end.
  CHECK(classified("<p>这是文章的最后一句话，讲完了整个故事。责任编辑：张三</p>") ==
        Classified{{"这是文章的最后一句话，讲完了整个故事。责任编辑：张三", false}});
  // No boundary before it: the words are part of the sentence.
  CHECK(classified("<p>这些照片的图片来源：网络</p>") == Classified{{"这些照片的图片来源：网络", false}});
  // An emphasis holding both parts holds them together.
  CHECK(classified("<p><b>大银线蝠幼崽。图片来源：网络</b></p>") == Classified{{"大银线蝠幼崽。图片来源：网络", false}});
}

namespace {

// The paragraph texts of a document's Markdown rendering, read back as a
// Markdown body: what the invariants harness compares with the HTML's.
std::vector<std::string> read_back(const std::string &html) {
  postparse::Options as_html;
  as_html.body_format(POSTPARSE_BODY_HTML);
  as_html.default_profile(false);
  postparse::Options as_markdown;
  as_markdown.body_format(POSTPARSE_BODY_MARKDOWN);
  as_markdown.default_profile(false);
  postparse::Document again = test::parse(test::parse(html, &as_html).to_markdown(), &as_markdown);
  std::vector<std::string> out;
  for (const postparse::Paragraph &p : again.paragraphs()) out.emplace_back(p.text);
  return out;
}

}  // namespace

TEST_CASE("a list item inside a <pre> is cut as one outside it; a <pre> paragraph never is",
          "[extract][cuts][regression-cut-inside-pre]") {
  // Found by the invariants harness: a Markdown body "-<pre d>" put a list
  // item inside a <pre>.  Its newlines are line breaks, which the Markdown
  // rendering writes as hard breaks; read back, the <br> between two runs
  // of prose cut the item, where the <pre> had kept it whole.
  const Texts two{"This sentence is long enough to be prose.", "And this second line is also long enough."};
  for (const char *html : {"<pre><ul><li>This sentence is long enough to be prose.\nAnd this second line is also long enough.</li></ul></pre>",
                           // a blank line is one break, as the text shows it
                           "<pre><ul><li>This sentence is long enough to be prose.\n\nAnd this second line is also long enough.</li></ul></pre>",
                           "<ul><li>This sentence is long enough to be prose.<br>And this second line is also long enough.</li></ul>"}) {
    INFO("body: " << html);
    CHECK(texts(html) == two);
    CHECK(read_back(html) == two);
  }
  // Short lines stay lines of the item, in the HTML and read back.
  CHECK(texts("<pre><ul><li>one\n\ntwo</li></ul></pre>") == Texts{"one\ntwo"});
  CHECK(read_back("<pre><ul><li>one\n\ntwo</li></ul></pre>") == Texts{"one\ntwo"});
  // The <pre> paragraph itself keeps its text as written.
  CHECK(texts("<pre>This sentence is long enough to be prose.\nAnd this second line is also long enough.</pre>") ==
        Texts{"This sentence is long enough to be prose.\nAnd this second line is also long enough."});
}

TEST_CASE("runs of prose are measured as the paragraph shows them", "[extract][cuts][regression-cut-normalised-length]") {
  // 29 characters as collected, 30 once NFC decomposes U+0958 (a
  // composition exclusion): the reader of the Markdown counts 30 and cuts,
  // so the HTML is cut too.
  std::string decomposed = "aaaa bbbb cccc dddd eeee fg\xE0\xA4\x95\xE0\xA4\xBC.";
  CHECK(texts("<p>aaaa bbbb cccc dddd eeee fg\xE0\xA5\x98.<br>last</p>") == Texts{decomposed, "last"});
  CHECK(read_back("<p>aaaa bbbb cccc dddd eeee fg\xE0\xA5\x98.<br>last</p>") == Texts{decomposed, "last"});
  // 32 characters as collected, 29 shown: one paragraph of two lines.
  CHECK(texts("<p>aaaa    bbbb cccc dddd eeee f.<br>last</p>") == Texts{"aaaa bbbb cccc dddd eeee f.\nlast"});
  CHECK(read_back("<p>aaaa    bbbb cccc dddd eeee f.<br>last</p>") == Texts{"aaaa bbbb cccc dddd eeee f.\nlast"});
}
