// The standard slips as PDF: each form renders, and its text — read back by pdftotext (poppler-utils)
// — carries the fields of domain.md §3 in Vietnamese with their diacritics intact.
#include "services/slip_pdf.hpp"

#include "core/catalog/yaml_io.hpp"
#include "services/catalog.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace motcua::services::slips {
namespace {

using nlohmann::json;

const Letterhead kHead{"Thành phố Hà Nội", "https://dichvucong.hanoi.gov.vn"};

// The text of a PDF, as pdftotext reads it (layout kept, so a table row stays on one line).
std::string TextOf(const std::string& pdf) {
  char name[] = "/tmp/motcua-slip-XXXXXX";
  int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  std::ofstream(name, std::ios::binary) << pdf;
  close(fd);
  std::string out;
  if (FILE* p = popen(("pdftotext -enc UTF-8 -layout " + std::string(name) + " - 2>&1").c_str(), "r")) {
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    pclose(p);
  }
  unlink(name);
  return out;
}

// MOTCUA_KEEP_SLIPS=/tmp/slip keeps the PDFs (/tmp/slip-01.pdf, …) to look at.
void Keep(const std::string& pdf, const std::string& form) {
  if (const char* keep = std::getenv("MOTCUA_KEEP_SLIPS"))
    std::ofstream(std::string(keep) + "-" + form + ".pdf", std::ios::binary) << pdf;
}

json Common() {
  return {{"code", "000.00.19.H26-170221-0001"},
          {"agency", {{"code", "000.00.19.H26"}, {"name", "Quận Ba Đình"}}},
          {"applicant",
           {{"name", "Nguyễn Văn An"},
            {"kind", "citizen"},
            {"id_number", "001090012345"},
            {"phone", "0912345678"},
            {"email", "an@example.vn"},
            {"address", "Số 1 phố Huế, phường Phạm Đình Hổ, quận Hai Bà Trưng"}}},
          {"procedure", {{"code", "H26.QH.XD.01"}, {"name", "Cấp giấy phép xây dựng nhà ở riêng lẻ"}, {"version", 1}}},
          {"officer", {{"username", "badinh.motcua"}, {"full_name", "Lê Thị Hoa"}}}};
}

TEST(SlipPdf, ReceiptCarriesEveryFieldOfForm01) {
  json c = Common();
  c["statutory_time"] = {{"amount", 15}, {"unit", "working_days"}};
  c["received_at"] = "2017-02-21T09:00:00+07:00";
  c["appointment_at"] = "2017-03-14T09:00:00+07:00";
  c["papers"] = json::array({{{"name", "Đơn đề nghị cấp giấy phép xây dựng"}, {"kind", "original"}, {"count", 1}},
                             {{"name", "Bản vẽ thiết kế xây dựng"}, {"kind", "certified_copy"}, {"count", 2}}});
  c["fee"] = json::array({{{"name", "Lệ phí cấp giấy phép xây dựng"}, {"amount", 75000}}});
  c["collect_at"] = "Quận Ba Đình";
  c["fee_paid"] = false;
  const std::string pdf = RenderSlip("form_01", c, "2017-02-21T09:00:00+07:00", kHead);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  Keep(pdf, "01");
  const std::string text = TextOf(pdf);
  for (const char* expected :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH",
        "Hà Nội, ngày 21 tháng 02 năm 2017", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Mã hồ sơ: 000.00.19.H26-170221-0001", "Nguyễn Văn An", "001090012345", "0912345678",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Đơn đề nghị cấp giấy phép xây dựng", "Bản sao có chứng thực",
        "15 ngày làm việc", "09 giờ 00 phút, ngày 21/02/2017", "09 giờ 00 phút, ngày 14/03/2017",
        "75.000 đồng (chưa nộp)", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Hoa"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
}

TEST(SlipPdf, SupplementRefusalAndApology) {
  json two = Common();
  two["items_and_reason"] = "Bổ sung bản vẽ móng; bản sao Giấy chứng nhận quyền sử dụng đất.";
  auto text = TextOf(RenderSlip("form_02", two, "2017-02-22T10:00:00+07:00", kHead));
  EXPECT_NE(text.find("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("Bổ sung bản vẽ móng"), std::string::npos) << text;

  json three = Common();
  three["reasons"] = "Không thuộc thẩm quyền giải quyết của quận.";
  text = TextOf(RenderSlip("form_03", three, "2017-02-22T10:00:00+07:00", kHead));
  EXPECT_NE(text.find("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("Không thuộc thẩm quyền giải quyết của quận."), std::string::npos) << text;

  json four = Common();
  four["agency"]["name"] = "Sở Công Thương";
  four["received_at"] = "2017-02-21T09:00:00+07:00";
  four["original_appointment_at"] = "2017-03-14T09:00:00+07:00";
  four["new_appointment_at"] = "2017-04-03T09:00:00+07:00";
  four["reason"] = "Cần xác minh thực địa.";
  text = TextOf(RenderSlip("form_04", four, "2017-03-10T15:30:00+07:00", kHead));
  for (const char* expected : {"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "SỞ CÔNG THƯƠNG", "Kính gửi: Nguyễn Văn An",
                               "Cần xác minh thực địa.", "09 giờ 00 phút, ngày 03/04/2017", "THỦ TRƯỞNG CƠ QUAN"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
  EXPECT_EQ(text.find("ỦY BAN NHÂN DÂN SỞ"), std::string::npos) << "a department is not a People's Committee";

  // A ward's letterhead: its district above it.
  json ward = Common();
  ward["agency"]["name"] = "Phường Phúc Xá";
  ward["reasons"] = "Không thuộc thẩm quyền.";
  Letterhead district = kHead;
  district.governing = "Quận Ba Đình";
  text = TextOf(RenderSlip("form_03", ward, "2017-02-22T10:00:00+07:00", district));
  EXPECT_NE(text.find("UBND QUẬN BA ĐÌNH"), std::string::npos) << text;
  EXPECT_NE(text.find("PHƯỜNG PHÚC XÁ"), std::string::npos) << text;
  EXPECT_EQ(text.find("ỦY BAN NHÂN DÂN PHƯỜNG PHÚC"), std::string::npos)
      << "broken after the body, not inside the name";

  EXPECT_THROW(RenderSlip("form_09", Common(), "", kHead), std::invalid_argument);
}

TEST(SlipPdf, ControlSheetRowsAndLongTextsFlowOntoMorePages) {
  SheetHeading h{"Quận Ba Đình",
                 "000.00.19.H26-170221-0001",
                 "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                 "Nguyễn Văn An",
                 "0912345678",
                 "2017-02-21T09:00:00+07:00",
                 "2017-03-14T09:00:00+07:00"};
  std::vector<SheetRow> rows;
  for (int i = 0; i < 40; ++i)
    rows.push_back({"Tiếp nhận", "Bộ phận một cửa", "Nguyễn Văn An", "Lê Thị Hoa", "2017-02-21T09:00:00+07:00",
                    "2017-02-21T09:30:00+07:00", "Trước hạn", "Ghi chú số " + std::to_string(i)});
  rows.push_back({"Trả kết quả", "Bộ phận một cửa", "Lê Thị Hoa", "Nguyễn Văn An", "2017-02-21T09:00:00+07:00",
                  "2017-02-21T09:30:00+07:00", "Đúng hạn", std::string(2000, 'x') + " cuối ghi chú"});
  rows.push_back({"Lưu", "", "", "", "", "", "", "Dòng cuối cùng"});
  const std::string pdf = RenderControlSheet(h, rows, kHead);
  Keep(pdf, "05");
  const std::string text = TextOf(pdf);
  EXPECT_NE(text.find("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("Ghi chú số 0"), std::string::npos);
  EXPECT_NE(text.find("Ghi chú số 39"), std::string::npos) << "every row, on as many pages as it takes";
  EXPECT_NE(text.find("Dòng cuối cùng"), std::string::npos) << "a 2000-character note is cut short, not the sheet";
  EXPECT_NE(text.find("…"), std::string::npos);
  EXPECT_NE(text.find("\f"), std::string::npos) << "more than one page";
  // A refusal whose reasons run over several pages: every line printed, none lost off the page.
  json many = Common();
  std::string reasons;
  for (int i = 1; i <= 120; ++i) reasons += "Lý do số " + std::to_string(i) + "\n";
  many["reasons"] = reasons;
  const std::string long_text = TextOf(RenderSlip("form_03", many, "2017-02-22T10:00:00+07:00", kHead));
  EXPECT_NE(long_text.find("Lý do số 1\n"), std::string::npos);
  EXPECT_NE(long_text.find("Lý do số 120"), std::string::npos) << long_text;
  EXPECT_NE(long_text.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos);
  EXPECT_GE(std::count(long_text.begin(), long_text.end(), '\f'), 3) << "120 lines take three pages";
  // Bad bytes never stop a paper from printing.
  json c = Common();
  c["reasons"] = std::string("L\xff\xfe do");
  EXPECT_EQ(RenderSlip("form_03", c, "2017-02-22T10:00:00+07:00", kHead).rfind("%PDF-", 0), 0u);
}

TEST(SlipPdf, DatesAndMoney) {
  EXPECT_EQ(HourAndDate("2017-03-14T09:05:00+07:00"), "09 giờ 05 phút, ngày 14/03/2017");
  EXPECT_EQ(HourAndDate(""), "");
  EXPECT_EQ(HourAndDate("soon"), "");
  EXPECT_EQ(LongDate("2017-01-19T08:30:00+07:00"), "ngày 19 tháng 01 năm 2017");
  EXPECT_EQ(GroupThousands(1500000), "1.500.000");
  EXPECT_EQ(GroupThousands(75000), "75.000");
  EXPECT_EQ(GroupThousands(0), "0");
  EXPECT_EQ(GroupThousands(999), "999");
}

// The Hanoi catalog as shipped.
const core::catalog::Catalog& Hanoi() {
  static const core::catalog::Catalog catalog = [] {
    auto files = services::catalog::ReadFolder(std::string(MOTCUA_SOURCE_DIR) + "/catalog/hanoi");
    EXPECT_TRUE(files.ok());
    // The workflows are the engine's, not the catalog model's.
    std::erase_if(*files, [](const core::catalog::SourceFile& f) { return f.path == "workflows.yaml"; });
    auto loaded = core::catalog::Load(*files);
    for (const auto& p : loaded.problems) ADD_FAILURE() << core::catalog::ToString(p);
    return *loaded.catalog;
  }();
  return catalog;
}

TEST(BlankForm, EveryHanoiProcedureHasAPaperFormFromItsSchema) {
  ASSERT_EQ(Hanoi().procedures.size(), 120u);
  for (const auto& p : Hanoi().procedures) {
    const std::string pdf = RenderBlankForm(p, kHead);
    ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u) << p.code.value;
  }
  const auto* permit = Hanoi().FindProcedure(core::catalog::ProcedureCode{"H26.QH.XD.01"});
  ASSERT_NE(permit, nullptr);
  const std::string pdf = RenderBlankForm(*permit, kHead);
  Keep(pdf, "to-khai");
  const std::string text = TextOf(pdf);
  for (const char* expected :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ KHAI", "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Mã thủ tục H26.QH.XD.01", "Kính gửi:", "Họ và tên chủ hộ (*)", "Mục đích sử dụng khác (ghi rõ) (nếu có)",
        "Phường/xã/thị trấn:", "Giấy tờ kèm theo:", "Tôi xin cam đoan", "NGƯỜI KHAI", "(*) Thông tin bắt buộc",
        "https://dichvucong.hanoi.gov.vn/thu-tuc/H26.QH.XD.01"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
  // Every component of the procedure is listed to tick.
  for (const auto& c : permit->components) {
    const std::string head = c.name.substr(0, 30);
    EXPECT_NE(text.find(head.substr(0, head.find_last_of(' '))), std::string::npos) << c.name;
  }
}

TEST(BlankForm, RepeatingGroupsAreTablesAndChoicesAreBoxes) {
  const auto* p = Hanoi().FindProcedure(core::catalog::ProcedureCode{"H26.QH.HKD.01"});
  ASSERT_NE(p, nullptr);
  const std::string text = TextOf(RenderBlankForm(*p, kHead));
  EXPECT_NE(text.find("Ngành, nghề kinh doanh (*):"), std::string::npos) << text;
  EXPECT_NE(text.find("Tên ngành, nghề"), std::string::npos) << "the repeat's columns";
  EXPECT_NE(text.find("Vốn kinh doanh (đồng) (*):"), std::string::npos) << "no second (đồng)";
  EXPECT_EQ(text.find("(đồng) (đồng)"), std::string::npos);
  EXPECT_NE(text.find("☐"), std::string::npos) << "boxes to tick";
}

}  // namespace
}  // namespace motcua::services::slips
