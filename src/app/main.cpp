// motcua: the one binary.
int main() { return 0; }
