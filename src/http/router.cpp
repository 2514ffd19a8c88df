// Route matching: literal segments win over {parameters}; 405 when another method owns the path.
#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace motcua::http {
namespace {

// "/a/b/" → {"a","b",""}; "/" → {""}. Every segment after each '/'.
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

void Router::Add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + route.pattern);
  }
  std::vector<Segment> segments;
  for (auto part : SplitPath(route.pattern)) {
    Segment s;
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      s.param = true;
      s.text = std::string(part.substr(1, part.size() - 2));
      if (s.text.empty()) throw std::invalid_argument("empty parameter name in " + route.pattern);
    } else {
      s.text = std::string(part);
    }
    segments.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == route.method && routes_[i].pattern == route.pattern) {
      throw std::invalid_argument("duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
  segments_.push_back(std::move(segments));
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  const auto parts = SplitPath(path);
  Match match;
  if (parts.empty()) return match;

  auto matches = [&](std::size_t i) {
    const auto& segs = segments_[i];
    if (segs.size() != parts.size()) return false;
    for (std::size_t k = 0; k < segs.size(); ++k) {
      if (segs[k].param ? parts[k].empty() : segs[k].text != parts[k]) return false;
    }
    return true;
  };
  // The best route for `wanted`: among patterns matching the path, the one whose first differing
  // segment is a literal. Returns the index or -1.
  auto best_for = [&](std::string_view wanted) -> long {
    long best = -1;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
      if (routes_[i].method != wanted || !matches(i)) continue;
      const auto& segs = segments_[i];
      if (best < 0) {
        best = static_cast<long>(i);
        continue;
      }
      const auto& cur = segments_[static_cast<std::size_t>(best)];
      for (std::size_t k = 0; k < segs.size(); ++k) {
        if (segs[k].param != cur[k].param) {
          if (!segs[k].param) best = static_cast<long>(i);
          break;
        }
      }
    }
    return best;
  };

  long found = best_for(method);
  if (found < 0 && method == "HEAD") found = best_for("GET");
  if (found >= 0) {
    const auto i = static_cast<std::size_t>(found);
    match.route = &routes_[i];
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (segments_[i][k].param) match.params.emplace_back(segments_[i][k].text, std::string(parts[k]));
    }
    return match;
  }

  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(i)) continue;
    match.path_matched_other_method = true;
    match.allowed_methods.push_back(routes_[i].method);
    if (routes_[i].method == "GET") match.allowed_methods.emplace_back("HEAD");
  }
  std::sort(match.allowed_methods.begin(), match.allowed_methods.end());
  match.allowed_methods.erase(std::unique(match.allowed_methods.begin(), match.allowed_methods.end()),
                              match.allowed_methods.end());
  return match;
}

}  // namespace motcua::http
