// The client's address behind reverse proxies. A request's peer is the proxy; X-Forwarded-For lists
// the addresses each proxy saw, the nearest last. Only proxies the operator names are believed: the
// client is the right-most address not among them, so a client cannot forge its own address by
// sending the header itself. With no trusted proxies the peer is the client, whatever the header says.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

// A set of addresses and networks: "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8".
class AddressSet {
 public:
  // Comma- or space-separated entries; on a bad entry, none and `problem` names it.
  static std::optional<AddressSet> Parse(std::string_view text, std::string* problem = nullptr);

  bool Contains(std::string_view address) const;
  bool empty() const { return networks_.empty(); }

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};
    bool v6 = false;
    int prefix = 0;
  };
  std::vector<Network> networks_;
};

// The client of a request from `peer` carrying `forwarded_for` (the X-Forwarded-For header, empty
// when absent). A malformed entry ends the walk: the last believed address is the client.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for, const AddressSet& trusted);

}  // namespace motcua::http
