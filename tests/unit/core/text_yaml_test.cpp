// The canonical YAML printer's quoting (every string reads back as itself) and layout, and the
// problem-collecting reader.
#include <gtest/gtest.h>

#include "core/text/yaml_reader.hpp"
#include "core/text/yaml_writer.hpp"

namespace motcua::core::text {
namespace {

const std::vector<std::string> kTricky = {"",
                                          " lead",
                                          "trail ",
                                          "123",
                                          "0.5",
                                          "-1",
                                          "+1",
                                          "1e5",
                                          "1_000",
                                          "0x1F",
                                          "0o17",
                                          "0b101",
                                          ".5",
                                          "2017-01-19",
                                          "2017-01-19 08:00",
                                          "12:30",
                                          "true",
                                          "No",
                                          "yes",
                                          "ON",
                                          "y",
                                          "null",
                                          "Null",
                                          "~",
                                          "=",
                                          "<<",
                                          ".inf",
                                          "-.Inf",
                                          ".NaN",
                                          "a: b",
                                          "a:b",
                                          "x:",
                                          "a #b",
                                          "a#b",
                                          "#x",
                                          "- x",
                                          "-",
                                          "-x",
                                          "--- x",
                                          "...",
                                          "? x",
                                          "?",
                                          ":x",
                                          "[x]",
                                          "{x}",
                                          "x, y",
                                          "a]b",
                                          "it's",
                                          "'quoted'",
                                          "\"dq\"",
                                          "a\"b",
                                          "line\nbreak",
                                          "tab\there",
                                          "cr\rx",
                                          "bell\x07",
                                          "back\\slash",
                                          "*alias",
                                          "&anchor",
                                          "!tag",
                                          "%dir",
                                          "@at",
                                          "`bt",
                                          "|",
                                          ">",
                                          "Hà Nội",
                                          "000.00.01.H26",
                                          "H26.QH.XD.01",
                                          "m² sàn",
                                          "024 3825 3536",
                                          "0243825353",
                                          "0100109106-001",
                                          "Luật Xây dựng số 50/2014/QH13",
                                          "Hanoi People's Committee",
                                          "Văn hóa – Thể thao",
                                          "a\u2028b",
                                          "\uFEFFbom",
                                          "50%",
                                          "100.000 đồng"};

TEST(TextYamlWriter, EveryStringReadsBackAsItselfInBlockAndFlow) {
  for (const auto& s : kTricky) {
    const std::string block = "k: " + FormatScalar(s, ScalarStyle::kString, false) + "\n";
    YAML::Node doc;
    ASSERT_NO_THROW(doc = YAML::Load(block)) << block;
    ASSERT_TRUE(doc["k"].IsScalar()) << block;
    EXPECT_EQ(doc["k"].Scalar(), s) << block;

    const std::string flow = "k: [" + FormatScalar(s, ScalarStyle::kString, true) + ", z]\n";
    ASSERT_NO_THROW(doc = YAML::Load(flow)) << flow;
    ASSERT_TRUE(doc["k"].IsSequence()) << flow;
    ASSERT_EQ(doc["k"].size(), 2u) << flow;
    EXPECT_EQ(doc["k"][0].Scalar(), s) << flow;
  }
}

TEST(TextYamlWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(FormatScalar("Hà Nội", ScalarStyle::kString, false), "Hà Nội");
  EXPECT_EQ(FormatScalar("024 3825 3536", ScalarStyle::kString, false), "024 3825 3536");
  EXPECT_EQ(FormatScalar("it's", ScalarStyle::kString, false), "it's");
  EXPECT_EQ(FormatScalar("000.00.01.H26", ScalarStyle::kString, true), "000.00.01.H26");
  EXPECT_EQ(FormatScalar("2017-01-19", ScalarStyle::kString, false), "'2017-01-19'");
  EXPECT_EQ(FormatScalar("15", ScalarStyle::kString, false), "'15'");
  EXPECT_EQ(FormatScalar("yes", ScalarStyle::kString, false), "'yes'");
  EXPECT_EQ(FormatScalar("a: b", ScalarStyle::kString, false), "'a: b'");
  EXPECT_EQ(FormatScalar("'x'", ScalarStyle::kString, false), "'''x'''");
  EXPECT_EQ(FormatScalar("a, b", ScalarStyle::kString, false), "a, b");
  EXPECT_EQ(FormatScalar("a, b", ScalarStyle::kString, true), "'a, b'");
  EXPECT_EQ(FormatScalar("x\ny", ScalarStyle::kString, false), "\"x\\ny\"");
  // Untyped values keep the type a reader will give them.
  EXPECT_EQ(FormatScalar("2017-02-20", ScalarStyle::kUntyped, false), "2017-02-20");
  EXPECT_EQ(FormatScalar("true", ScalarStyle::kUntyped, true), "true");
  EXPECT_EQ(FormatScalar("-5", ScalarStyle::kUntyped, false), "-5");
  EXPECT_EQ(FormatScalar("a: b", ScalarStyle::kUntyped, false), "'a: b'");
}

TEST(TextYamlWriter, RendersTheCanonicalLayout) {
  YamlNode doc = YamlNode::Map();
  doc.Add("code", YamlNode::String("H26.QH.XD.01"));
  doc.Add("tiers", YamlNode::FlowList({"district", "ward"}));
  YamlNode& time = doc.Add("processing_time", YamlNode::Map());
  time.Add("working_days", YamlNode::Int(15));
  YamlNode& list = doc.Add("components", YamlNode::BlockList());
  YamlNode item = YamlNode::Map();
  item.Add("name", YamlNode::String("Đơn"));
  item.Add("count", YamlNode::Int(1));
  YamlNode& nested = item.Add("fields", YamlNode::BlockList());
  YamlNode inner = YamlNode::Map();
  inner.Add("key", YamlNode::String("a"));
  inner.Add("min", YamlNode::Number(1.5));
  nested.Append(std::move(inner));
  list.Append(std::move(item));
  YamlNode& basis = doc.Add("legal_basis", YamlNode::BlockList());
  basis.Append(YamlNode::String("Luật số 50/2014/QH13"));
  doc.Add("empty", YamlNode::FlowList());
  doc.Add("parent", YamlNode::Null());
  doc.Add("date", YamlNode::Date(std::chrono::year_month_day{std::chrono::year{2017}, std::chrono::January,
                                                             std::chrono::day{19}}));
  EXPECT_EQ(doc.Render(),
            "code: H26.QH.XD.01\n"
            "tiers: [district, ward]\n"
            "processing_time:\n"
            "  working_days: 15\n"
            "components:\n"
            "  - name: Đơn\n"
            "    count: 1\n"
            "    fields:\n"
            "      - key: a\n"
            "        min: 1.5\n"
            "legal_basis:\n"
            "  - Luật số 50/2014/QH13\n"
            "empty: []\n"
            "parent: null\n"
            "date: 2017-01-19\n");
}

TEST(TextYamlReader, CollectsEveryProblemWithItsLine) {
  const std::string text =
      "name: Hà Nội\n"      // 1
      "count: abc\n"        // 2
      "flag: yes\n"         // 3
      "when: 2017-02-30\n"  // 4
      "name: again\n"       // 5
      "extra: 1\n"          // 6
      "list: [a, b]\n"      // 7
      "quoted: '12'\n";     // 8
  LineProblems problems;
  auto root = ParseYaml(text, problems);
  ASSERT_TRUE(root);
  MapReader r(*root, "test", problems);
  EXPECT_EQ(r.String("name", Need::kRequired), "Hà Nội");
  EXPECT_FALSE(r.Integer("count", Need::kRequired, 0, 10));
  EXPECT_FALSE(r.Bool("flag", Need::kOptional));
  EXPECT_FALSE(r.Date("when", Need::kOptional));
  EXPECT_FALSE(r.String("missing", Need::kRequired));
  auto list = r.StringList("list", Need::kRequired, true);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].line, 7);
  EXPECT_FALSE(r.Integer("quoted", Need::kRequired, 0, 100));  // a quoted "12" is a text
  r.Finish();
  std::vector<int> lines;
  for (const auto& p : problems) lines.push_back(p.line);
  EXPECT_EQ(lines, (std::vector<int>{5, 2, 3, 4, 1, 8, 6})) << [&] {
    std::string all;
    for (const auto& p : problems) all += std::to_string(p.line) + ": " + p.message + "\n";
    return all;
  }();
}

TEST(TextYamlReader, ReportsSyntaxErrorsAndBadUtf8) {
  LineProblems problems;
  EXPECT_FALSE(ParseYaml("a: [1,\nb: 2\n", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_GT(problems[0].line, 0);
  EXPECT_EQ(FirstInvalidUtf8Line("ok\nstill ok\nbad \xC3(\n"), 3);
  EXPECT_EQ(FirstInvalidUtf8Line("fine\n"), 0);
}

TEST(TextYamlReader, RejectsDecomposedText) {
  LineProblems problems;
  auto root = ParseYaml("name: \"Vi\\u0065\\u0323\\u0302t\"\n", problems);
  ASSERT_TRUE(root);
  MapReader r(*root, "test", problems);
  r.String("name", Need::kRequired);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_NE(problems[0].message.find("NFC"), std::string::npos);
}

}  // namespace
}  // namespace motcua::core::text
