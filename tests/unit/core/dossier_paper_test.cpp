// Papers: component numbers, file types by sniffed MIME type, and the names papers are kept under.
#include "core/dossier/paper.hpp"

#include <gtest/gtest.h>

#include "core/text/fold.hpp"

namespace motcua::core::dossier {
namespace {

using catalog::FileType;

TEST(PaperComponent, OneBasedNumbersWithinTheList) {
  EXPECT_EQ(ComponentIndex("1", 3), 0u);
  EXPECT_EQ(ComponentIndex("3", 3), 2u);
  for (const char* bad : {"", "0", "4", "01", "-1", "1.0", " 1", "1 ", "x", "99999", "+1"})
    EXPECT_FALSE(ComponentIndex(bad, 3)) << bad;
  EXPECT_FALSE(ComponentIndex("1", 0));
}

TEST(PaperComponent, SizeLimitFromTheCatalogOrTheDefault) {
  catalog::Component c;
  c.max_size_mb = 10;
  EXPECT_EQ(MaxPaperBytes(c), 10LL * 1024 * 1024);
  c.max_size_mb = 0;
  EXPECT_EQ(MaxPaperBytes(c), kDefaultPaperMaxBytes);
}

TEST(PaperType, ByMimeTypeOnly) {
  EXPECT_EQ(FileTypeOfMime("application/pdf"), FileType::kPdf);
  EXPECT_EQ(FileTypeOfMime("image/jpeg"), FileType::kJpeg);
  EXPECT_EQ(FileTypeOfMime("image/png"), FileType::kPng);
  EXPECT_EQ(FileTypeOfMime("image/vnd.dwg"), FileType::kDwg);
  EXPECT_EQ(FileTypeOfMime("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), FileType::kDocx);
  EXPECT_EQ(FileTypeOfMime("application/vnd.ms-excel"), FileType::kXls);
  for (const char* bad : {"application/x-executable", "application/x-pie-executable", "application/x-sharedlib",
                          "text/html", "text/x-shellscript", "application/octet-stream", "", "application/pdf "})
    EXPECT_FALSE(FileTypeOfMime(bad)) << bad;
  catalog::Component c;
  c.file_types = {FileType::kPdf, FileType::kJpeg};
  EXPECT_TRUE(AcceptsMime(c, "application/pdf"));
  EXPECT_TRUE(AcceptsMime(c, "image/jpeg"));
  EXPECT_FALSE(AcceptsMime(c, "image/png"));
  EXPECT_FALSE(AcceptsMime(c, "application/x-executable"));
}

TEST(PaperName, NfcLastSegmentNoControlOrReservedCharacters) {
  EXPECT_EQ(SanitizeFileName("don.pdf"), "don.pdf");
  EXPECT_EQ(SanitizeFileName("Nguye\u0302\u0303n Va\u0306n An.pdf"), "Nguyễn Văn An.pdf");
  EXPECT_TRUE(core::text::IsNfc(SanitizeFileName("Gia\u0301y phe\u0301p.jpg")));
  EXPECT_EQ(SanitizeFileName("C:\\Users\\An\\Desktop\\đơn.pdf"), "đơn.pdf");
  EXPECT_EQ(SanitizeFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(SanitizeFileName("a\r\nb\tc.pdf"), "abc.pdf");
  EXPECT_EQ(SanitizeFileName("a<b>c|d?.pdf"), "a_b_c_d_.pdf");
  EXPECT_EQ(SanitizeFileName("invoice\u202Efdp.exe"), "invoicefdp.exe");  // no right-to-left override
  EXPECT_EQ(SanitizeFileName("...hidden"), "hidden");
  EXPECT_EQ(SanitizeFileName("trailing. . "), "trailing");
  EXPECT_EQ(SanitizeFileName(""), "tai-lieu");
  EXPECT_EQ(SanitizeFileName("///"), "tai-lieu");
  EXPECT_EQ(SanitizeFileName(".pdf"), "tai-lieu.pdf");
  EXPECT_EQ(SanitizeFileName("\x01\x02.pdf"), "tai-lieu.pdf");
  EXPECT_TRUE(core::text::IsValidUtf8(SanitizeFileName("bad\xff\xfe.pdf")));
}

TEST(PaperName, LongNamesKeepTheirExtension) {
  std::string name;
  for (int i = 0; i < 300; ++i) name += "ệ";
  auto out = SanitizeFileName(name + ".docx");
  EXPECT_EQ(core::text::CharCount(out), kMaxFileNameChars);
  EXPECT_TRUE(out.ends_with("ệ.docx"));
  EXPECT_TRUE(core::text::IsValidUtf8(out));
}

}  // namespace
}  // namespace motcua::core::dossier
