"""De-identified display of personal data (GB/T 35273-2020 §7.2 practice): used in every reply and log line."""


def mask_id_number(id_number: str) -> str:
    """110***********002X: first 3 and last 4 characters."""
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """138****1234: first 3 and last 4 digits."""
    if len(phone) <= 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """张* for Chinese names; Z*** Wei for Latin names (family name first, given name kept)."""
    if not name:
        return name
    if " " in name:
        family, given = name.split(" ", 1)
        return family[0] + "***" + " " + given
    return name[0] + "*" * (len(name) - 1)
