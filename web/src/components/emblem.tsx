// The portal's mark: a gold star on red. Decorative; the header text names the portal.
export function Emblem() {
  return (
    <svg class="emblem" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="23" fill="#ffcd00" />
      <circle cx="24" cy="24" r="19" fill="#a4161a" />
      <path
        fill="#ffcd00"
        d="M24 9.5l3.4 10.4h10.9l-8.8 6.4 3.4 10.4-8.9-6.4-8.9 6.4 3.4-10.4-8.8-6.4h10.9z"
      />
    </svg>
  );
}
