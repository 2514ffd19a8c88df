// Handlers of the calendar resources: due-date arithmetic and the days off of a year.
#pragma once

#include "http/message.hpp"
#include "services/context.hpp"

namespace motcua::api {

http::Response CalendarDue(services::Context& ctx, http::Request& req);
http::Response CalendarHolidays(services::Context& ctx, http::Request& req);

}  // namespace motcua::api
