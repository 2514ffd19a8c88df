// The incremental multipart/form-data parser: the same parts whatever the chunking, boundaries
// split across chunks, bodies that contain near-boundaries, malformed input, limits.
#include "http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua::http {
namespace {

struct Part {
  PartHeaders headers;
  std::string data;
  bool ended = false;
};

class Collect : public PartHandler {
 public:
  std::vector<Part> parts;
  std::size_t largest_piece = 0;
  int stop_after_bytes = -1;  // stop once this many bytes of data were received
  std::size_t total = 0;

  bool OnPartBegin(const PartHeaders& h) override {
    parts.push_back({h, {}, false});
    return true;
  }
  bool OnPartData(std::string_view bytes) override {
    EXPECT_FALSE(parts.empty());
    parts.back().data.append(bytes);
    largest_piece = std::max(largest_piece, bytes.size());
    total += bytes.size();
    return stop_after_bytes < 0 || total < static_cast<std::size_t>(stop_after_bytes);
  }
  bool OnPartEnd() override {
    parts.back().ended = true;
    return true;
  }
};

const std::string kBoundary = "----WebKitFormBoundaryX3a9";

std::string Body(const std::string& file_bytes) {
  return "--" + kBoundary +
         "\r\n"
         "Content-Disposition: form-data; name=\"component\"\r\n\r\n"
         "1\r\n"
         "--" +
         kBoundary +
         "\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"đơn đề nghị.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         file_bytes + "\r\n--" + kBoundary + "--\r\nepilogue ignored";
}

// Feeds `body` in pieces of `chunk` bytes.
MultipartParser::Status FeedInChunks(MultipartParser& p, const std::string& body, std::size_t chunk, Collect& c) {
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    auto s = p.Feed(std::string_view(body).substr(at, chunk), c);
    if (s != MultipartParser::Status::kOk) return s;
  }
  return MultipartParser::Status::kOk;
}

TEST(Multipart, BoundaryFromContentType) {
  EXPECT_EQ(MultipartParser::BoundaryOf("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(MultipartParser::BoundaryOf("Multipart/Form-Data;boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(MultipartParser::BoundaryOf("multipart/form-data; charset=utf-8; boundary=x1"), "x1");
  EXPECT_FALSE(MultipartParser::BoundaryOf("application/json"));
  EXPECT_FALSE(MultipartParser::BoundaryOf("multipart/form-data"));
  EXPECT_FALSE(MultipartParser::BoundaryOf("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartParser::BoundaryOf("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(MultipartParser::BoundaryOf("multipart/form-data; boundary=\"abc"));
}

TEST(Multipart, SamePartsWhateverTheChunking) {
  // A body that holds near-misses of the delimiter and binary bytes.
  std::string file = "%PDF-1.4\r\n--" + kBoundary.substr(0, 10) + "\r\n-\r\n--\r\n";
  for (int i = 0; i < 3000; ++i) file += static_cast<char>(i % 256);
  file += "\r\n--" + kBoundary.substr(0, kBoundary.size() - 1) + "Z";
  const std::string body = Body(file);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{5}, std::size_t{17},
                            std::size_t{31}, std::size_t{64}, std::size_t{1000}, body.size()}) {
    SCOPED_TRACE(chunk);
    MultipartParser p(kBoundary);
    Collect c;
    ASSERT_EQ(FeedInChunks(p, body, chunk, c), MultipartParser::Status::kOk) << p.error();
    EXPECT_TRUE(p.done());
    ASSERT_EQ(c.parts.size(), 2u);
    EXPECT_EQ(c.parts[0].headers.name, "component");
    EXPECT_FALSE(c.parts[0].headers.has_filename);
    EXPECT_EQ(c.parts[0].data, "1");
    EXPECT_TRUE(c.parts[0].ended);
    EXPECT_EQ(c.parts[1].headers.name, "file");
    EXPECT_TRUE(c.parts[1].headers.has_filename);
    EXPECT_EQ(c.parts[1].headers.filename, "đơn đề nghị.pdf");
    EXPECT_EQ(c.parts[1].headers.content_type, "application/pdf");
    EXPECT_EQ(c.parts[1].data, file);
    EXPECT_TRUE(c.parts[1].ended);
  }
}

TEST(Multipart, EveryBoundarySplitPoint) {
  const std::string body = Body("abc");
  for (std::size_t cut = 1; cut < body.size(); ++cut) {
    MultipartParser p(kBoundary);
    Collect c;
    ASSERT_EQ(p.Feed(std::string_view(body).substr(0, cut), c), MultipartParser::Status::kOk) << cut;
    ASSERT_EQ(p.Feed(std::string_view(body).substr(cut), c), MultipartParser::Status::kOk) << cut;
    ASSERT_TRUE(p.done()) << cut;
    ASSERT_EQ(c.parts.size(), 2u) << cut;
    EXPECT_EQ(c.parts[1].data, "abc") << cut;
  }
}

TEST(Multipart, DataIsHandedOnAsItArrives) {
  // A big file part is never held: what the parser keeps is bounded by the delimiter's length.
  MultipartParser p(kBoundary);
  Collect c;
  std::string head = "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n";
  ASSERT_EQ(p.Feed(head, c), MultipartParser::Status::kOk);
  std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 32; ++i) ASSERT_EQ(p.Feed(chunk, c), MultipartParser::Status::kOk);
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_GE(c.parts[0].data.size(), 32u * chunk.size() - kBoundary.size() - 4);
  EXPECT_LE(c.largest_piece, chunk.size() + kBoundary.size() + 4);
  EXPECT_FALSE(c.parts[0].ended);
  EXPECT_FALSE(p.done());
}

TEST(Multipart, PreambleAndPaddingAndFilenameStar) {
  std::string body =
      "preamble text\r\n--b1  \r\n"
      "content-disposition: form-data; name=file; filename=\"C:\\Users\\An\\x.pdf\"; "
      "filename*=UTF-8''%C4%91%C6%A1n.pdf\r\n\r\n"
      "data\r\n--b1--";
  MultipartParser p("b1");
  Collect c;
  ASSERT_EQ(p.Feed(body, c), MultipartParser::Status::kOk) << p.error();
  EXPECT_TRUE(p.done());
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_EQ(c.parts[0].headers.filename, "đơn.pdf");
  EXPECT_EQ(c.parts[0].data, "data");
}

TEST(Multipart, BrowserEscapesInNames) {
  std::string body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.pdf\"\r\n\r\nx\r\n--b--";
  MultipartParser p("b");
  Collect c;
  ASSERT_EQ(p.Feed(body, c), MultipartParser::Status::kOk);
  EXPECT_EQ(c.parts[0].headers.filename, "a\"b.pdf");
  EXPECT_EQ(c.parts[0].data, "x");
}

TEST(Multipart, EmptyFilePartAndEmptyFilename) {
  std::string body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--b--\r\n";
  MultipartParser p("b");
  Collect c;
  ASSERT_EQ(p.Feed(body, c), MultipartParser::Status::kOk);
  ASSERT_EQ(c.parts.size(), 1u);
  EXPECT_TRUE(c.parts[0].headers.has_filename);
  EXPECT_EQ(c.parts[0].headers.filename, "");
  EXPECT_EQ(c.parts[0].data, "");
  EXPECT_TRUE(c.parts[0].ended);
}

TEST(Multipart, MalformedInputIsRefused) {
  struct Case {
    const char* why;
    std::string body;
  };
  const std::vector<Case> cases = {
      {"no line break after boundary", "--bX\r\n"},
      {"no Content-Disposition", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"},
      {"no headers at all", "--b\r\n\r\nx\r\n--b--"},
      {"not form-data", "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--"},
      {"no name", "--b\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--b--"},
      {"unterminated quote", "--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--b--"},
      {"header without colon", "--b\r\nContent-Disposition form-data\r\n\r\nx\r\n--b--"},
      {"folded header", "--b\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--b--"},
  };
  for (const auto& k : cases) {
    MultipartParser p("b");
    Collect c;
    EXPECT_EQ(p.Feed(k.body, c), MultipartParser::Status::kInvalid) << k.why;
    EXPECT_FALSE(p.error().empty()) << k.why;
    // Once failed, it stays failed.
    EXPECT_EQ(p.Feed("more", c), MultipartParser::Status::kInvalid) << k.why;
  }
}

TEST(Multipart, TruncatedBodyIsNotDone) {
  // A body cut before its closing boundary: the caller sees !done() at the end of the input.
  const std::string body = Body("abcdef");
  MultipartParser p(kBoundary);
  Collect c;
  ASSERT_EQ(p.Feed(body.substr(0, body.size() - 30), c), MultipartParser::Status::kOk);
  EXPECT_FALSE(p.done());
  MultipartParser empty(kBoundary);
  ASSERT_EQ(empty.Feed("", c), MultipartParser::Status::kOk);
  EXPECT_FALSE(empty.done());
}

TEST(Multipart, HugeHeadersAreRefusedWithoutWaitingForTheirEnd) {
  MultipartParser p("b", {.max_header_bytes = 1024, .max_parts = 16});
  Collect c;
  std::string start = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: ";
  ASSERT_EQ(p.Feed(start, c), MultipartParser::Status::kOk);
  MultipartParser::Status s = MultipartParser::Status::kOk;
  for (int i = 0; i < 100 && s == MultipartParser::Status::kOk; ++i) s = p.Feed(std::string(100, 'h'), c);
  EXPECT_EQ(s, MultipartParser::Status::kInvalid);
  EXPECT_EQ(p.error(), "part headers too large");
  EXPECT_TRUE(c.parts.empty());
}

TEST(Multipart, TooManyParts) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += "--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nv\r\n";
  body += "--b--";
  MultipartParser p("b", {.max_header_bytes = 1024, .max_parts = 4});
  Collect c;
  EXPECT_EQ(p.Feed(body, c), MultipartParser::Status::kInvalid);
  EXPECT_EQ(p.error(), "too many parts");
}

TEST(Multipart, HandlerStops) {
  MultipartParser p(kBoundary);
  Collect c;
  c.stop_after_bytes = 10;
  EXPECT_EQ(p.Feed(Body(std::string(1000, 'z')), c), MultipartParser::Status::kStopped);
}

}  // namespace
}  // namespace motcua::http
