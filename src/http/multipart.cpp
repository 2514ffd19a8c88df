// The incremental multipart/form-data parser: a small state machine over a carry-over buffer.
#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::http {
namespace {

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Lower(x) == Lower(y); });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parameters of a header value: `type; a=b; c="d; e"`. Returns false on an unterminated quote.
// Backslashes are kept as they are: browsers send Windows paths unescaped (HTML's form encoding
// escapes only '"', CR and LF, as %22, %0D, %0A).
template <class F>
bool ForEachParam(std::string_view value, F&& on_param) {
  auto semi = value.find(';');
  if (semi == std::string_view::npos) return true;
  std::string_view rest = value.substr(semi + 1);
  while (!rest.empty()) {
    rest = Trim(rest);
    if (rest.empty()) break;
    auto eq = rest.find('=');
    auto next_semi = rest.find(';');
    if (eq == std::string_view::npos || (next_semi != std::string_view::npos && next_semi < eq)) {
      // A parameter without a value: skip it.
      if (next_semi == std::string_view::npos) break;
      rest.remove_prefix(next_semi + 1);
      continue;
    }
    std::string name(Trim(rest.substr(0, eq)));
    std::transform(name.begin(), name.end(), name.begin(), Lower);
    rest.remove_prefix(eq + 1);
    rest = Trim(rest);
    std::string val;
    if (!rest.empty() && rest.front() == '"') {
      auto close = rest.find('"', 1);
      if (close == std::string_view::npos) return false;
      val.assign(rest.substr(1, close - 1));
      rest.remove_prefix(close + 1);
      auto after = rest.find(';');
      rest = after == std::string_view::npos ? std::string_view{} : rest.substr(after + 1);
    } else {
      auto end = rest.find(';');
      val.assign(Trim(rest.substr(0, end)));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    on_param(name, std::move(val));
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; none on a broken escape.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// RFC 5987 ext-value: charset'language'percent-encoded. Only UTF-8 (and its ASCII subset) is taken.
std::optional<std::string> DecodeExtValue(std::string_view v) {
  auto q1 = v.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  auto q2 = v.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  auto charset = v.substr(0, q1);
  if (!IEquals(charset, "utf-8") && !IEquals(charset, "us-ascii")) return std::nullopt;
  return PercentDecode(v.substr(q2 + 1));
}

// The form encoding of browsers (HTML §4.10.21.8) turns '"', CR and LF into %22, %0D, %0A.
std::string UnescapeFormName(std::string s) {
  for (auto [from, to] : {std::pair{"%22", '"'}, std::pair{"%0D", '\r'}, std::pair{"%0A", '\n'}}) {
    std::size_t at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
      s.replace(at, 3, 1, to);
      ++at;
    }
  }
  return s;
}

}  // namespace

std::optional<std::string> MultipartParser::BoundaryOf(std::string_view content_type) {
  auto type = Trim(content_type.substr(0, content_type.find(';')));
  if (!IEquals(type, "multipart/form-data")) return std::nullopt;
  std::optional<std::string> boundary;
  bool ok = ForEachParam(content_type, [&](const std::string& name, std::string value) {
    if (name == "boundary") boundary = std::move(value);
  });
  if (!ok || !boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
  for (char c : *boundary) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return std::nullopt;
  }
  return boundary;
}

MultipartParser::MultipartParser(std::string boundary, Limits limits)
    : delimiter_("\r\n--" + boundary), limits_(limits) {
  // The first boundary may open the body without a line break before it: pretend there was one.
  pending_ = "\r\n";
}

MultipartParser::Status MultipartParser::Fail(std::string why) {
  state_ = State::kFailed;
  error_ = std::move(why);
  pending_.clear();
  return Status::kInvalid;
}

bool MultipartParser::ParseHeaders(std::string_view block, PartHeaders& out) {
  bool disposition = false;
  while (!block.empty()) {
    auto eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      error_ = "folded part header";
      return false;
    }
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      error_ = "malformed part header";
      return false;
    }
    auto name = Trim(line.substr(0, colon));
    auto value = Trim(line.substr(colon + 1));
    if (IEquals(name, "content-disposition")) {
      auto kind = Trim(value.substr(0, value.find(';')));
      if (!IEquals(kind, "form-data")) {
        error_ = "part is not form-data";
        return false;
      }
      disposition = true;
      std::optional<std::string> ext_filename;
      bool has_name = false;
      bool ok = ForEachParam(value, [&](const std::string& param, std::string v) {
        if (param == "name") {
          out.name = UnescapeFormName(std::move(v));
          has_name = true;
        } else if (param == "filename") {
          out.filename = UnescapeFormName(std::move(v));
          out.has_filename = true;
        } else if (param == "filename*") {
          ext_filename = DecodeExtValue(v);
          out.has_filename = true;
        }
      });
      if (!ok) {
        error_ = "unterminated quoted string in Content-Disposition";
        return false;
      }
      if (!has_name) {
        error_ = "part without a name";
        return false;
      }
      if (ext_filename) out.filename = std::move(*ext_filename);
    } else if (IEquals(name, "content-type")) {
      out.content_type.assign(value);
    }
  }
  if (!disposition) {
    error_ = "part without Content-Disposition";
    return false;
  }
  return true;
}

MultipartParser::Status MultipartParser::Feed(std::string_view bytes, PartHandler& handler) {
  if (state_ == State::kFailed) return Status::kInvalid;
  if (state_ == State::kDone) return Status::kOk;
  pending_.append(bytes.data(), bytes.size());
  std::size_t pos = 0;
  bool more = true;
  while (more) {
    switch (state_) {
      case State::kPreamble:
      case State::kBody: {
        const auto at = std::string_view(pending_).find(delimiter_, pos);
        if (at != std::string_view::npos) {
          if (state_ == State::kBody) {
            if (at > pos && !handler.OnPartData(std::string_view(pending_).substr(pos, at - pos))) {
              return Status::kStopped;
            }
            if (!handler.OnPartEnd()) return Status::kStopped;
          }
          pos = at + delimiter_.size();
          state_ = State::kAfterBoundary;
          break;
        }
        // Hand on everything but a tail that may be the start of the delimiter.
        const std::size_t keep = delimiter_.size() - 1;
        if (pending_.size() - pos > keep) {
          const std::size_t until = pending_.size() - keep;
          if (state_ == State::kBody && !handler.OnPartData(std::string_view(pending_).substr(pos, until - pos))) {
            return Status::kStopped;
          }
          pos = until;
        }
        more = false;
        break;
      }
      case State::kAfterBoundary: {
        // Transport padding (spaces, tabs) may follow a boundary before its line break.
        while (pos < pending_.size() && (pending_[pos] == ' ' || pending_[pos] == '\t')) ++pos;
        if (pending_.size() - pos < 2) {
          more = false;
          break;
        }
        if (pending_.compare(pos, 2, "--") == 0) {
          state_ = State::kDone;
          pending_.clear();
          return Status::kOk;
        }
        if (pending_.compare(pos, 2, "\r\n") != 0) return Fail("boundary not followed by a line break");
        pos += 2;
        if (++parts_ > limits_.max_parts) return Fail("too many parts");
        state_ = State::kHeaders;
        break;
      }
      case State::kHeaders: {
        if (pending_.size() - pos >= 2 && pending_.compare(pos, 2, "\r\n") == 0) {
          return Fail("part without Content-Disposition");
        }
        const auto end = std::string_view(pending_).find("\r\n\r\n", pos);
        if (end == std::string_view::npos) {
          if (pending_.size() - pos > limits_.max_header_bytes) return Fail("part headers too large");
          more = false;
          break;
        }
        if (end - pos > limits_.max_header_bytes) return Fail("part headers too large");
        PartHeaders headers;
        if (!ParseHeaders(std::string_view(pending_).substr(pos, end - pos), headers)) {
          auto why = error_;
          return Fail(why);
        }
        pos = end + 4;
        state_ = State::kBody;
        if (!handler.OnPartBegin(headers)) return Status::kStopped;
        break;
      }
      case State::kDone:
      case State::kFailed:
        more = false;
        break;
    }
  }
  pending_.erase(0, pos);
  return Status::kOk;
}

}  // namespace motcua::http
