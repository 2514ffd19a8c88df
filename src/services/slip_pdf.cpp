#include "services/slip_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace motcua::services::slips {
namespace {

using nlohmann::json;

// A4 portrait in points; margins as Decree 30/2020 asks of administrative papers (20 mm left,
// 15 mm right, 20 mm top and bottom).
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 56.7;
constexpr double kRight = kPageWidth - 42.5;
constexpr double kTop = 56.7;
constexpr double kBottom = kPageHeight - 56.7;
constexpr double kWidth = kRight - kLeft;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

// Pango wants valid UTF-8; what the database holds was validated on the way in, but a paper must
// never fail to print over one bad byte.
std::string Valid(const std::string& s) {
  if (g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return s;
  std::unique_ptr<gchar, decltype(&g_free)> fixed(g_utf8_make_valid(s.data(), static_cast<gssize>(s.size())), g_free);
  return fixed.get();
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Style {
  double size = 13;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};
constexpr Style kCentered{13, false, false, false, PANGO_ALIGN_CENTER};
constexpr Style kCenteredBold{13, true, false, false, PANGO_ALIGN_CENTER};
constexpr Style kCenteredItalic{13, false, true, false, PANGO_ALIGN_CENTER};
constexpr Style kBold{13, true, false, false, PANGO_ALIGN_LEFT};

// One PDF document: text boxes laid out top to bottom, a new page when the next does not fit.
class Document {
 public:
  explicit Document(const std::string& title) {
    surface_ = cairo_pdf_surface_create_for_stream(&Append, &out_, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, Valid(title).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "MotCua");
    cr_ = cairo_create(surface_);
    cairo_set_source_rgb(cr_, 0, 0, 0);
  }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  ~Document() {
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
  }

  std::string Finish() {
    cairo_destroy(cr_);
    cr_ = nullptr;
    cairo_surface_finish(surface_);
    const auto status = cairo_surface_status(surface_);
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(cairo_status_to_string(status));
    return std::move(out_);
  }

  double y() const { return y_; }
  void Skip(double points) { y_ += points; }

  // Lays `text` out in a box `w` wide at (x, y); returns its height, drawing it only when `draw`.
  double Box(const std::string& text, double x, double y, double w, const Style& s, bool draw = true) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_from_string("Liberation Serif, DejaVu Serif");
    pango_font_description_set_absolute_size(font, s.size * PANGO_SCALE);
    pango_font_description_set_weight(font, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, s.align);
    const std::string valid = Valid(text);
    pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
    if (s.underline) {
      PangoAttrList* attrs = pango_attr_list_new();
      pango_attr_list_insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
      pango_layout_set_attributes(layout, attrs);
      pango_attr_list_unref(attrs);
    }
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    if (draw) {
      cairo_move_to(cr_, x, y);
      pango_cairo_show_layout(cr_, layout);
    }
    pango_font_description_free(font);
    g_object_unref(layout);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  // A paragraph across the text width.
  void Para(const std::string& text, const Style& s = {}, double gap = 5) {
    const double h = Box(text, kLeft, 0, kWidth, s, false);
    // Taller than a page (a comment of many short lines): line by line, over as many pages as it takes.
    if (h > kBottom - kTop && text.find('\n') != std::string::npos) {
      std::size_t start = 0;
      while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        Para(text.substr(start, end - start), s, end == text.size() ? gap : 0);
        start = end + 1;
      }
      return;
    }
    if (y_ + h > kBottom) NewPage();
    Box(text, kLeft, y_, kWidth, s);
    y_ += h + gap;
  }

  // "Label: value", wrapped as one paragraph ("…" for a value not given).
  void Field(const std::string& label, const std::string& value) { Para(label + ": " + (value.empty() ? "…" : value)); }

  // Side by side: each column's lines centred in its share of the width.
  void Columns(const std::vector<std::pair<double, std::vector<std::pair<std::string, Style>>>>& columns) {
    double x = kLeft, tallest = 0;
    std::vector<double> heights;
    for (const auto& [share, lines] : columns) {
      double h = 0;
      for (const auto& [text, style] : lines) h += Box(text, x, 0, kWidth * share, style, false) + 2;
      heights.push_back(h);
      tallest = std::max(tallest, h);
      x += kWidth * share;
    }
    if (y_ + tallest > kBottom) NewPage();
    x = kLeft;
    for (const auto& [share, lines] : columns) {
      double at = y_;
      for (const auto& [text, style] : lines) at += Box(text, x, at, kWidth * share, style) + 2;
      x += kWidth * share;
    }
    y_ += tallest;
  }

  // A ruled table; the header row repeats on each new page. `shares` sum to 1.
  void Table(const std::vector<double>& shares, const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows, double size = 11) {
    constexpr double kPad = 3;
    const Style head{size, true, false, false, PANGO_ALIGN_CENTER};
    const Style cell{size, false, false, false, PANGO_ALIGN_LEFT};
    // A cell never outgrows half a page: longer text is cut at a character and ends in "…".
    auto fit = [&](std::string text, double w, const Style& s) {
      const double limit = (kBottom - kTop) / 2;
      if (Box(text, 0, 0, w, s, false) <= limit) return text;
      const std::string valid = Valid(text);
      glong chars = g_utf8_strlen(valid.c_str(), -1);
      std::string cut;
      do {
        chars = chars * 3 / 4;
        const char* end = g_utf8_offset_to_pointer(valid.c_str(), chars);
        cut = valid.substr(0, static_cast<std::size_t>(end - valid.c_str())) + "…";
      } while (chars > 0 && Box(cut, 0, 0, w, s, false) > limit);
      return cut;
    };
    auto height = [&](const std::vector<std::string>& r, const Style& s) {
      double h = 0;
      for (size_t i = 0; i < r.size() && i < shares.size(); ++i)
        h = std::max(h, Box(r[i], 0, 0, kWidth * shares[i] - 2 * kPad, s, false));
      return h + 2 * kPad;
    };
    auto draw = [&](const std::vector<std::string>& r, const Style& s, double h) {
      double x = kLeft;
      for (size_t i = 0; i < shares.size(); ++i) {
        const double w = kWidth * shares[i];
        cairo_rectangle(cr_, x, y_, w, h);
        cairo_set_line_width(cr_, 0.6);
        cairo_stroke(cr_);
        if (i < r.size()) Box(r[i], x + kPad, y_ + kPad, w - 2 * kPad, s);
        x += w;
      }
      y_ += h;
    };
    const double hh = height(header, head);
    if (y_ + hh > kBottom) NewPage();
    draw(header, head, hh);
    for (auto r : rows) {
      for (size_t i = 0; i < r.size() && i < shares.size(); ++i) r[i] = fit(r[i], kWidth * shares[i] - 2 * kPad, cell);
      const double h = height(r, cell);
      if (y_ + h > kBottom) {
        NewPage();
        draw(header, head, hh);
      }
      draw(r, cell, h);
    }
    y_ += 6;
  }

  // A QR code `side` points wide with its top-left corner at (x, y).
  void Qr(const std::string& text, double x, double y, double side) {
    QRcode* qr = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr) return;
    const double module = side / (qr->width + 8);  // a quiet zone of four modules around it
    for (int row = 0; row < qr->width; ++row)
      for (int col = 0; col < qr->width; ++col)
        if (qr->data[row * qr->width + col] & 1)
          cairo_rectangle(cr_, x + (col + 4) * module, y + (row + 4) * module, module, module);
    cairo_fill(cr_);
    QRcode_free(qr);
  }

  void Rule(double x, double width) {
    cairo_move_to(cr_, x, y_);
    cairo_line_to(cr_, x + width, y_);
    cairo_set_line_width(cr_, 0.6);
    cairo_stroke(cr_);
  }

  void NewPage() {
    cairo_show_page(cr_);
    y_ = kTop;
  }

  // The width of `text` on one line.
  double Width(const std::string& text, const Style& s) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_from_string("Liberation Serif, DejaVu Serif");
    pango_font_description_set_absolute_size(font, s.size * PANGO_SCALE);
    pango_font_description_set_weight(font, s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    const std::string valid = Valid(text);
    pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    pango_font_description_free(font);
    g_object_unref(layout);
    return static_cast<double>(width) / PANGO_SCALE;
  }

  // "Label: ........" to the right margin, then `more` full dotted lines, indented by `indent`.
  void Dotted(const std::string& label, int more = 0, double indent = 0) {
    const Style s{};
    const double x = kLeft + indent, w = kWidth - indent;
    const double line = Box("Ag", x, 0, w, s, false) + 4;
    double label_h = Box(label, x, 0, w, s, false);
    if (y_ + label_h + line * more > kBottom) NewPage();
    Box(label, x, y_, w, s);
    // The dots start after the label's last line (on a new line when little room is left).
    const double last = Width(label, s);
    double start = label_h > line ? x : x + last + 4;
    double top = y_ + label_h - line + 4;
    if (label_h > line || start > kRight - 60) {
      start = x;
      top = y_ + label_h;
      y_ += label_h - line + 4;
      ++more;
    }
    DotLine(start, kRight, top + line - 7);
    for (int i = 0; i < more; ++i) DotLine(x, kRight, top + line * (i + 2) - 7);
    y_ = top + line * (more + 1) + 2;
  }

  void DotLine(double from, double to, double at) {
    static const double kDash[] = {0.8, 2.4};
    cairo_save(cr_);
    cairo_set_dash(cr_, kDash, 2, 0);
    cairo_set_line_width(cr_, 0.8);
    cairo_move_to(cr_, from, at);
    cairo_line_to(cr_, to, at);
    cairo_stroke(cr_);
    cairo_restore(cr_);
  }

 private:
  std::string out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  double y_ = kTop;
};

// "Thành phố Hà Nội" → "Hà Nội": the place of the date line.
std::string Place(const std::string& city) {
  for (const char* prefix : {"Thành phố ", "Tỉnh "})
    if (city.rfind(prefix, 0) == 0) return city.substr(std::char_traits<char>::length(prefix));
  return city;
}

// The letterhead: the governing body and the agency on the left, the national motto on the
// right, then the place and date.
void DrawLetterhead(Document& doc, const Letterhead& head, const std::string& agency, const std::string& issued_at,
                    const std::string& number = "") {
  const bool department = agency.rfind("Sở ", 0) == 0;
  const std::string governing = "UBND " + Upper(head.governing.empty() ? head.city_name : head.governing);
  std::string own = department ? Upper(agency) : "ỦY BAN NHÂN DÂN " + Upper(agency);
  // Too long for one line: the body's name on a line of its own, as letterheads do.
  if (!department && doc.Width(own, Style{12, true}) > kWidth * 0.42) own = "ỦY BAN NHÂN DÂN\n" + Upper(agency);
  std::vector<std::pair<std::string, Style>> left = {{governing, Style{12, false, false, false, PANGO_ALIGN_CENTER}},
                                                     {own, Style{12, true, false, false, PANGO_ALIGN_CENTER}}};
  if (!number.empty()) left.push_back({number, Style{12, false, false, false, PANGO_ALIGN_CENTER}});
  doc.Columns({{0.42, left},
               {0.58,
                {{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style{12, true, false, false, PANGO_ALIGN_CENTER}},
                 {"Độc lập - Tự do - Hạnh phúc", Style{13, true, false, true, PANGO_ALIGN_CENTER}}}}});
  doc.Skip(8);
  doc.Columns({{0.42, {}}, {0.58, {{Place(head.city_name) + ", " + LongDate(issued_at), kCenteredItalic}}}});
  doc.Skip(14);
}

void Title(Document& doc, const std::string& title, const std::string& subtitle = "") {
  doc.Para(title, Style{14, true, false, false, PANGO_ALIGN_CENTER}, subtitle.empty() ? 14 : 2);
  if (!subtitle.empty()) doc.Para(subtitle, kCenteredItalic, 14);
}

// Two signature blocks side by side (either may be empty), the signer's name under the space.
void Signatures(Document& doc, const std::string& left_title, const std::string& left_name,
                const std::string& right_title, const std::string& right_name) {
  doc.Skip(12);
  auto block = [](const std::string& title, const std::string& name) {
    std::vector<std::pair<std::string, Style>> lines;
    if (title.empty()) return lines;
    lines.push_back({title, kCenteredBold});
    lines.push_back({"(Ký và ghi rõ họ tên)", kCenteredItalic});
    lines.push_back({"\n\n\n", kCentered});
    lines.push_back({name, kCenteredBold});
    return lines;
  };
  doc.Columns({{0.5, block(left_title, left_name)}, {0.5, block(right_title, right_name)}});
}

std::string Applicant(const json& c) { return Str(c.value("applicant", json::object()), "name"); }

void ApplicantLines(Document& doc, const json& c) {
  const json a = c.value("applicant", json::object());
  doc.Field("Ông/Bà/Tổ chức", Str(a, "name"));
  const std::string id = Str(a, "id_number");
  if (!id.empty())
    doc.Field(Str(a, "kind") == "business" ? "Mã số doanh nghiệp/Mã số thuế" : "Số định danh cá nhân/CCCD", id);
  doc.Field("Địa chỉ", Str(a, "address"));
  doc.Para("Số điện thoại: " + (Str(a, "phone").empty() ? "…" : Str(a, "phone")) +
           "        Thư điện tử: " + (Str(a, "email").empty() ? "…" : Str(a, "email")));
}

std::string PaperKind(const std::string& kind) {
  if (kind == "original") return "Bản chính";
  if (kind == "certified_copy") return "Bản sao có chứng thực";
  if (kind == "copy") return "Bản sao";
  return kind;
}

std::string StatutoryTime(const json& c) {
  const json t = c.value("statutory_time", json::object());
  const auto amount = t.value("amount", 0);
  return std::to_string(amount) + (Str(t, "unit") == "working_hours" ? " giờ làm việc" : " ngày làm việc");
}

void Receipt(Document& doc, const json& c, const std::string& issued_at, const Letterhead& head) {
  const std::string code = Str(c, "code");
  const std::string agency = Str(c.value("agency", json::object()), "name");
  const json officer = c.value("officer", json::object());
  const std::string officer_name =
      Str(officer, "full_name").empty() ? Str(officer, "username") : Str(officer, "full_name");
  DrawLetterhead(doc, head, agency, issued_at);
  // The title beside the QR code of the public lookup, so a phone opens the dossier's status.
  const double qr_side = 92;
  const double top = doc.y();
  const std::string lookup = head.public_url + "/tra-cuu?ma=" + code;
  doc.Qr(lookup, kRight - qr_side, top - 14, qr_side);
  const double title_h = doc.Box("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", kLeft, top, kWidth - qr_side - 8,
                                 Style{14, true, false, false, PANGO_ALIGN_CENTER});
  const double code_h = doc.Box("Mã hồ sơ: " + code, kLeft, top + title_h + 4, kWidth - qr_side - 8,
                                Style{13, true, false, false, PANGO_ALIGN_CENTER});
  doc.Box("(Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào " + head.public_url + "/tra-cuu)", kLeft,
          top + title_h + code_h + 6, kWidth - qr_side - 8, Style{10, false, true, false, PANGO_ALIGN_CENTER});
  doc.Skip(std::max(qr_side - 8, title_h + code_h + 26));

  doc.Para("Bộ phận Tiếp nhận và Trả kết quả, " + agency + " tiếp nhận hồ sơ của:");
  ApplicantLines(doc, c);
  doc.Field("Nội dung yêu cầu giải quyết", Str(c.value("procedure", json::object()), "name"));
  doc.Para("1. Hồ sơ gồm:");
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  for (const auto& p : c.value("papers", json::array()))
    rows.push_back(
        {std::to_string(++n), Str(p, "name"), PaperKind(Str(p, "kind")), std::to_string(p.value("count", 1))});
  if (rows.empty()) rows.push_back({"", "(Theo thành phần hồ sơ nộp trực tuyến)", "", ""});
  doc.Table({0.07, 0.53, 0.27, 0.13}, {"TT", "Tên giấy tờ", "Hình thức", "Số lượng"}, rows);
  doc.Para("2. Số lượng hồ sơ: 01 bộ.");
  doc.Para("3. Thời gian giải quyết hồ sơ theo quy định: " + StatutoryTime(c) + ".");
  doc.Para("4. Thời gian nhận hồ sơ: " + HourAndDate(Str(c, "received_at")) + ".");
  const std::string appointment = HourAndDate(Str(c, "appointment_at"));
  doc.Para("5. Thời gian trả kết quả giải quyết hồ sơ: " + (appointment.empty() ? "trong ngày" : appointment) + ".",
           kBold);
  doc.Para("6. Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả, " + Str(c, "collect_at") + ".");
  std::string fees;
  for (const auto& f : c.value("fee", json::array())) {
    if (!fees.empty()) fees += "; ";
    fees += Str(f, "name") + ": " + GroupThousands(f.value("amount", 0LL)) + " đồng";
  }
  doc.Para("7. Phí, lệ phí: " +
           (fees.empty() ? std::string("không thu")
                         : fees + " (" + (c.value("fee_paid", false) ? "đã nộp" : "chưa nộp") + ")") +
           ".");
  Signatures(doc, "NGƯỜI NỘP HỒ SƠ", Applicant(c), "NGƯỜI TIẾP NHẬN HỒ SƠ", officer_name);
}

void SupplementRequest(Document& doc, const json& c, const std::string& issued_at, const Letterhead& head) {
  const std::string agency = Str(c.value("agency", json::object()), "name");
  const json officer = c.value("officer", json::object());
  DrawLetterhead(doc, head, agency, issued_at);
  Title(doc, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  doc.Para("Bộ phận Tiếp nhận và Trả kết quả, " + agency + " tiếp nhận hồ sơ của:");
  ApplicantLines(doc, c);
  doc.Field("Nội dung yêu cầu giải quyết", Str(c.value("procedure", json::object()), "name"));
  if (!Str(c, "code").empty()) doc.Field("Mã hồ sơ", Str(c, "code"));
  doc.Para("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", kBold);
  doc.Para(Str(c, "items_and_reason"));
  doc.Para("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ " + Str(officer, "full_name") +
           " để được hướng dẫn.");
  Signatures(doc, "", "", "NGƯỜI HƯỚNG DẪN", Str(officer, "full_name"));
}

void Refusal(Document& doc, const json& c, const std::string& issued_at, const Letterhead& head) {
  const std::string agency = Str(c.value("agency", json::object()), "name");
  const json officer = c.value("officer", json::object());
  DrawLetterhead(doc, head, agency, issued_at);
  Title(doc, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  doc.Para("Bộ phận Tiếp nhận và Trả kết quả, " + agency + " tiếp nhận hồ sơ của:");
  ApplicantLines(doc, c);
  doc.Field("Nội dung yêu cầu giải quyết", Str(c.value("procedure", json::object()), "name"));
  doc.Para(
      "Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, cơ quan không tiếp nhận, giải quyết hồ sơ "
      "này với lý do cụ thể như sau:");
  doc.Para(Str(c, "reasons"), kBold);
  doc.Para("Xin thông báo để ông/bà được biết và thực hiện.");
  Signatures(doc, "", "", "NGƯỜI TIẾP NHẬN HỒ SƠ", Str(officer, "full_name"));
}

void Apology(Document& doc, const json& c, const std::string& issued_at, const Letterhead& head) {
  const std::string agency = Str(c.value("agency", json::object()), "name");
  const json officer = c.value("officer", json::object());
  DrawLetterhead(doc, head, agency, issued_at);
  Title(doc, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  doc.Para("Kính gửi: " + Applicant(c), Style{13, true, false, false, PANGO_ALIGN_CENTER}, 12);
  doc.Para(agency + " tiếp nhận hồ sơ của ông/bà vào " + HourAndDate(Str(c, "received_at")) + ", mã hồ sơ " +
           Str(c, "code") + ".");
  doc.Field("Nội dung yêu cầu giải quyết", Str(c.value("procedure", json::object()), "name"));
  doc.Para("Thời gian hẹn trả kết quả giải quyết hồ sơ: " + HourAndDate(Str(c, "original_appointment_at")) + ".");
  doc.Para("Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn.");
  doc.Field("Lý do", Str(c, "reason"));
  doc.Para("Sự chậm trễ này đã gây phiền hà cho ông/bà. " + agency + " xin lỗi ông/bà và sẽ trả kết quả giải quyết " +
           "hồ sơ cho ông/bà vào " + HourAndDate(Str(c, "new_appointment_at")) + ".");
  doc.Para("Xin trân trọng cảm ơn.", Style{13, false, true});
  Signatures(doc, "", "", "THỦ TRƯỞNG CƠ QUAN", Str(officer, "full_name"));
}

// ---- the paper form of a procedure ----

namespace forms = core::forms;

std::string Roman(int n) {
  static const char* kRoman[] = {"I",  "II",  "III",  "IV",  "V",  "VI",  "VII",  "VIII",  "IX",  "X",
                                 "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
  return n >= 1 && n <= 20 ? kRoman[n - 1] : std::to_string(n);
}

// "(*)" marks what must be filled in; a field shown only on another's answer says so instead.
std::string LabelOf(const forms::Field& f) {
  const bool required = f.required || (f.type == forms::FieldType::kRepeat && f.min_items.value_or(0) > 0);
  if (f.show_if) return f.label + " (nếu có)";
  return f.label + (required ? " (*)" : "");
}

void FormFields(Document& doc, const std::vector<forms::Field>& fields, double indent, int depth);

void FormField(Document& doc, const forms::Field& f, double indent, int depth, int& section) {
  using T = forms::FieldType;
  switch (f.type) {
    case T::kGroup:
      if (depth == 0) {
        doc.Skip(4);
        doc.Para(Roman(++section) + ". " + Upper(f.label), kBold, 4);
      } else {
        doc.Para(f.label, Style{13, true, true}, 3);
      }
      FormFields(doc, f.fields, indent + (depth == 0 ? 0 : 14), depth + 1);
      return;
    case T::kRepeat: {
      doc.Para(LabelOf(f) + ":", Style{13, true}, 3);
      std::vector<double> shares;
      std::vector<std::string> header{"TT"};
      std::vector<const forms::Field*> columns;
      for (const auto& c : f.fields)
        if (c.type != T::kGroup && c.type != T::kRepeat) columns.push_back(&c);
      if (columns.empty()) return;
      shares.push_back(0.07);
      for (const auto* c : columns) {
        header.push_back(c->label);
        shares.push_back(0.93 / static_cast<double>(columns.size()));
      }
      std::vector<std::vector<std::string>> rows;
      const int blank = std::max(3, f.min_items.value_or(0));
      for (int i = 1; i <= blank; ++i) rows.push_back({std::to_string(i) + "\n"});
      doc.Table(shares, header, rows, 10.5);
      return;
    }
    case T::kLongText:
      doc.Dotted(LabelOf(f) + ":", 2, indent);
      return;
    case T::kDate:
      doc.Para(LabelOf(f) + ": ngày ........ tháng ........ năm ............", Style{}, 5);
      return;
    case T::kMoney:
      doc.Dotted(LabelOf(f) + (f.label.find("đồng") == std::string::npos ? " (đồng):" : ":"), 0, indent);
      return;
    case T::kYesNo:
      doc.Para(LabelOf(f) + ":    ☐ Có      ☐ Không", Style{}, 5);
      return;
    case T::kChoice:
    case T::kMultiChoice: {
      std::string line = LabelOf(f) + (f.type == T::kMultiChoice ? " (có thể chọn nhiều):" : ":");
      for (const auto& o : f.options) line += "    ☐ " + o.label;
      doc.Para(line, Style{}, 5);
      return;
    }
    case T::kAddress:
      doc.Para(LabelOf(f) + ":", Style{}, 2);
      doc.Dotted("Số nhà, đường/phố, tổ/thôn/xóm:", 0, indent + 14);
      doc.Dotted("Phường/xã/thị trấn:", 0, indent + 14);
      doc.Dotted("Quận/huyện/thị xã:", 0, indent + 14);
      doc.Dotted("Tỉnh/thành phố:", 0, indent + 14);
      return;
    case T::kCitizenId:
    case T::kTaxCode:
    case T::kPhone:
    case T::kEmail:
    case T::kNumber:
    case T::kText:
      doc.Dotted(LabelOf(f) + ":", 0, indent);
      return;
  }
}

void FormFields(Document& doc, const std::vector<forms::Field>& fields, double indent, int depth) {
  int section = 0;
  for (const auto& f : fields) FormField(doc, f, indent, depth, section);
}

bool Digits(const std::string& s, size_t at, size_t n) {
  if (s.size() < at + n) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

std::string HourAndDate(const std::string& iso) {
  // Stored instants are written in Hanoi time (+07:00): the fields read as they are.
  if (iso.size() < 16 || !Digits(iso, 0, 4) || !Digits(iso, 5, 2) || !Digits(iso, 8, 2) || !Digits(iso, 11, 2) ||
      !Digits(iso, 14, 2))
    return "";
  return iso.substr(11, 2) + " giờ " + iso.substr(14, 2) + " phút, ngày " + iso.substr(8, 2) + "/" + iso.substr(5, 2) +
         "/" + iso.substr(0, 4);
}

std::string LongDate(const std::string& iso) {
  if (iso.size() < 10 || !Digits(iso, 0, 4) || !Digits(iso, 5, 2) || !Digits(iso, 8, 2)) return "";
  return "ngày " + iso.substr(8, 2) + " tháng " + iso.substr(5, 2) + " năm " + iso.substr(0, 4);
}

std::string GroupThousands(long long amount) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return amount < 0 ? "-" + out : out;
}

std::string RenderSlip(const std::string& form, const json& content, const std::string& issued_at,
                       const Letterhead& head) {
  using Render = void (*)(Document&, const json&, const std::string&, const Letterhead&);
  Render render = nullptr;
  std::string title;
  if (form == "form_01") render = Receipt, title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
  if (form == "form_02") render = SupplementRequest, title = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
  if (form == "form_03") render = Refusal, title = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
  if (form == "form_04") render = Apology, title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
  if (!render) throw std::invalid_argument("no such slip form: " + form);
  Document doc(title + " " + Str(content, "code"));
  render(doc, content, issued_at, head);
  return doc.Finish();
}

std::string RenderBlankForm(const core::catalog::Procedure& p, const Letterhead& head) {
  Document doc("Tờ khai — " + p.name);
  doc.Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style{12, true, false, false, PANGO_ALIGN_CENTER}, 2);
  doc.Para("Độc lập - Tự do - Hạnh phúc", Style{13, true, false, true, PANGO_ALIGN_CENTER}, 18);
  doc.Para("TỜ KHAI", Style{15, true, false, false, PANGO_ALIGN_CENTER}, 2);
  doc.Para(p.name, Style{13, true, false, false, PANGO_ALIGN_CENTER}, 3);
  doc.Para("(Mã thủ tục " + p.code.value + ", phiên bản " + std::to_string(p.version) + ")", kCenteredItalic, 14);
  doc.Dotted("Kính gửi:");
  doc.Skip(4);
  FormFields(doc, p.form.fields, 0, 0);
  if (!p.components.empty()) {
    doc.Skip(4);
    doc.Para("Giấy tờ kèm theo:", kBold, 3);
    for (const auto& c : p.components)
      doc.Para("☐ " + c.name + " (" + PaperKind(std::string(core::catalog::ToString(c.kind))) + ", " +
                   std::to_string(c.count) + " bản" + (c.required ? "" : "; nếu có") + ")",
               Style{12}, 3);
  }
  doc.Skip(6);
  doc.Para(
      "Tôi xin cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm trước pháp luật về nội dung "
      "đã khai.",
      Style{13, false, true}, 6);
  doc.Columns({{0.45, {}}, {0.55, {{"…………, ngày …… tháng …… năm ……", kCenteredItalic}}}});
  Signatures(doc, "", "", "NGƯỜI KHAI", "");
  doc.Skip(10);
  doc.Para("(*) Thông tin bắt buộc. Có thể nộp trực tuyến thủ tục này tại " + head.public_url + "/thu-tuc/" +
               p.code.value + " (mẫu in do hệ thống tạo từ biểu mẫu điện tử của thủ tục).",
           Style{10, false, true}, 0);
  return doc.Finish();
}

std::string RenderControlSheet(const SheetHeading& h, const std::vector<SheetRow>& rows, const Letterhead& head) {
  Document doc("Phiếu kiểm soát quá trình giải quyết hồ sơ " + h.code);
  DrawLetterhead(doc, head, h.agency_name, h.received_at);
  Title(doc, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  doc.Field("Mã hồ sơ", h.code);
  doc.Field("Tên người nộp hồ sơ", h.applicant);
  doc.Field("Số điện thoại", h.phone);
  doc.Field("Nội dung yêu cầu giải quyết", h.procedure);
  doc.Field("Thời gian nhận hồ sơ", HourAndDate(h.received_at));
  doc.Field("Thời gian trả kết quả giải quyết hồ sơ", HourAndDate(h.due_at));
  std::vector<std::vector<std::string>> table;
  for (const auto& r : rows)
    table.push_back({r.action_label + (r.unit.empty() ? "" : "\n" + r.unit), r.giver, r.receiver,
                     HourAndDate(r.handed_at), HourAndDate(r.done_at), r.timing, r.note});
  doc.Table({0.17, 0.13, 0.13, 0.15, 0.15, 0.11, 0.16},
            {"Bước, đơn vị", "Bên giao", "Bên nhận", "Thời gian giao", "Thời gian hoàn thành", "Kết quả", "Ghi chú"},
            table, 9);
  return doc.Finish();
}

}  // namespace motcua::services::slips
