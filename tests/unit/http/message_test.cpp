// Error bodies, status mapping and the small Request/Response helpers.
#include "http/message.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace motcua::http {
namespace {

TEST(ErrorStatus, MapsEveryStableCode) {
  EXPECT_EQ(ErrorStatus("bad_request"), 400);
  EXPECT_EQ(ErrorStatus("validation_failed"), 422);
  EXPECT_EQ(ErrorStatus("unauthorized"), 401);
  EXPECT_EQ(ErrorStatus("forbidden"), 403);
  EXPECT_EQ(ErrorStatus("csrf_failed"), 403);
  EXPECT_EQ(ErrorStatus("not_found"), 404);
  EXPECT_EQ(ErrorStatus("method_not_allowed"), 405);
  EXPECT_EQ(ErrorStatus("conflict"), 409);
  EXPECT_EQ(ErrorStatus("procedure_not_online"), 409);
  EXPECT_EQ(ErrorStatus("payload_too_large"), 413);
  EXPECT_EQ(ErrorStatus("unsupported_media_type"), 415);
  EXPECT_EQ(ErrorStatus("too_many_requests"), 429);
  EXPECT_EQ(ErrorStatus("unavailable"), 503);
  EXPECT_EQ(ErrorStatus("internal"), 500);
  EXPECT_EQ(ErrorStatus("something_new"), 400);
  EXPECT_EQ(ErrorStatus(""), 400);
}

TEST(ResponseFromError, WritesTheErrorBodyWithoutTheDetail) {
  core::Error e = core::Error::Make(core::errc::kValidationFailed, "Dữ liệu không hợp lệ.", "Invalid data.",
                                    "secret log detail: citizen id 001203004567");
  e.fields["phone"] = core::FieldError{"invalid_format", "Số điện thoại không hợp lệ.", "Invalid phone number."};
  const Response r = Response::FromError(e);
  EXPECT_EQ(r.status, 422);
  ASSERT_NE(r.FindHeader("content-type"), nullptr);
  EXPECT_EQ(*r.FindHeader("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_EQ(body["error"]["code"], "validation_failed");
  EXPECT_EQ(body["error"]["message"], "Dữ liệu không hợp lệ.");
  EXPECT_EQ(body["error"]["message_en"], "Invalid data.");
  EXPECT_EQ(body["error"]["fields"]["phone"]["code"], "invalid_format");
  EXPECT_EQ(body["error"]["fields"]["phone"]["message"], "Số điện thoại không hợp lệ.");
  EXPECT_EQ(body["error"].size(), 4u);
}

TEST(ResponseFromError, EmptyFieldsIsAnObject) {
  const Response r = Response::FromError(core::Error::NotFound());
  EXPECT_EQ(r.status, 404);
  const auto body = nlohmann::json::parse(r.body);
  EXPECT_TRUE(body["error"]["fields"].is_object());
  EXPECT_TRUE(body["error"]["fields"].empty());
}

TEST(Response, JsonAndTextAndHeaders) {
  Response r = Response::Json(201, {{"code", "H01"}});
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(nlohmann::json::parse(r.body)["code"], "H01");
  r.SetHeader("X-A", "1");
  r.SetHeader("x-a", "2");
  EXPECT_EQ(*r.FindHeader("X-A"), "2");
  EXPECT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.FindHeader("missing"), nullptr);
  const Response t = Response::Text(200, "xin chào");
  EXPECT_EQ(*t.FindHeader("content-type"), "text/plain; charset=utf-8");
}

TEST(Request, Helpers) {
  Request req;
  req.headers["accept"] = "text/html,application/xhtml+xml";
  req.query.emplace("q", "a");
  req.query.emplace("q", "b");
  req.params["code"] = "H01";
  EXPECT_TRUE(req.AcceptsHtml());
  EXPECT_EQ(req.Header("accept"), "text/html,application/xhtml+xml");
  EXPECT_EQ(req.Header("missing"), "");
  EXPECT_EQ(req.QueryParam("q"), "a");
  EXPECT_FALSE(req.QueryParam("none"));
  EXPECT_EQ(req.Param("code"), "H01");
  EXPECT_EQ(req.Param("x"), "");
  req.headers["accept"] = "*/*";
  EXPECT_FALSE(req.AcceptsHtml());
}

}  // namespace
}  // namespace motcua::http
