// Lookup secrets.
#include "core/dossier/secret.hpp"

namespace motcua::core::dossier {

std::string MakeSecret(const std::function<std::uint32_t(std::uint32_t)>& uniform) {
  std::string out;
  for (size_t i = 0; i < kSecretLength; ++i)
    out += kSecretAlphabet[uniform(static_cast<std::uint32_t>(kSecretAlphabet.size()))];
  return out;
}

std::optional<std::string> NormalizeSecret(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kSecretAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    out += c;
    if (out.size() > kSecretLength) return std::nullopt;
  }
  if (out.size() != kSecretLength) return std::nullopt;
  return out;
}

}  // namespace motcua::core::dossier
