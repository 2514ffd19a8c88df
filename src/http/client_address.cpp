#include "http/client_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace motcua::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An IPv4 or IPv6 address in text; IPv4-mapped IPv6 (::ffff:a.b.c.d) reads as IPv4.
bool ParseIp(std::string_view text, std::array<std::uint8_t, 16>& out, bool& v6) {
  if (text.empty() || text.size() > 45) return false;
  char buf[46];
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  out.fill(0);
  if (inet_pton(AF_INET, buf, out.data()) == 1) {
    v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, buf, out.data()) != 1) return false;
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(out.data(), kMapped, 12) == 0) {
    std::memmove(out.data(), out.data() + 12, 4);
    std::memset(out.data() + 4, 0, 12);
    v6 = false;
    return true;
  }
  v6 = true;
  return true;
}

bool PrefixMatches(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b, int prefix) {
  int full = prefix / 8;
  if (std::memcmp(a.data(), b.data(), static_cast<std::size_t>(full)) != 0) return false;
  int rest = prefix % 8;
  if (rest == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (a[static_cast<std::size_t>(full)] & mask) == (b[static_cast<std::size_t>(full)] & mask);
}

}  // namespace

std::optional<AddressSet> AddressSet::Parse(std::string_view text, std::string* problem) {
  AddressSet set;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find_first_of(", ", pos);
    if (end == std::string_view::npos) end = text.size();
    auto entry = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (entry.empty()) continue;
    Network n;
    auto slash = entry.find('/');
    auto ip = entry.substr(0, slash);
    bool ok = ParseIp(ip, n.bytes, n.v6);
    n.prefix = n.v6 ? 128 : 32;
    if (ok && slash != std::string_view::npos) {
      auto digits = entry.substr(slash + 1);
      int p = -1;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), p);
      ok = !digits.empty() && ec == std::errc() && ptr == digits.data() + digits.size() && p >= 0 && p <= n.prefix;
      if (ok) n.prefix = p;
    }
    if (!ok) {
      if (problem) *problem = "'" + std::string(entry) + "' is not an IP address or network (a.b.c.d/n, x::y/n)";
      return std::nullopt;
    }
    set.networks_.push_back(n);
  }
  return set;
}

bool AddressSet::Contains(std::string_view address) const {
  std::array<std::uint8_t, 16> bytes{};
  bool v6 = false;
  if (!ParseIp(Trim(address), bytes, v6)) return false;
  for (const auto& n : networks_)
    if (n.v6 == v6 && PrefixMatches(bytes, n.bytes, n.prefix)) return true;
  return false;
}

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for, const AddressSet& trusted) {
  if (trusted.empty() || forwarded_for.empty() || !trusted.Contains(peer)) return peer;
  std::string client = peer;
  // From the nearest hop back: each address a trusted proxy reported is believed; the first one
  // that is not a trusted proxy is the client.
  std::size_t end = forwarded_for.size();
  for (;;) {
    auto comma = forwarded_for.rfind(',', end == 0 ? 0 : end - 1);
    std::size_t start = comma == std::string_view::npos || comma >= end ? 0 : comma + 1;
    auto entry = Trim(forwarded_for.substr(start, end - start));
    std::array<std::uint8_t, 16> bytes{};
    bool v6 = false;
    if (!ParseIp(entry, bytes, v6)) return client;
    client = std::string(entry);
    if (!trusted.Contains(client) || start == 0) return client;
    end = start - 1;
  }
}

}  // namespace motcua::http
