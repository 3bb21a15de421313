"""The one family of user-facing errors, caught once in the CLI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one input file, printed as ``file:line: path: message``."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return " ".join(text.splitlines())  # one problem, one line, whatever the input held


class MakekitError(Exception):
    """Base of every error a user should see as a message, never as a traceback."""

    def lines(self) -> list[str]:
        return [str(self)]

    @property
    def count(self) -> int:
        return 1

    def summary(self) -> str:
        """The last line the user reads."""
        plural = "s" if self.count > 1 else ""
        return (
            f"Échec : {self.count} problème{plural} à corriger. "
            "Le kit précédent n’a pas été modifié."
        )


class InputErrors(MakekitError):
    """Every problem found in the input files, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        unique = list(dict.fromkeys(problems))
        self.problems = sorted(unique, key=lambda p: (p.file, p.line))
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    @property
    def count(self) -> int:
        return len(self.problems)


class CardError(MakekitError):
    """A card that cannot be drawn: text that does not fit, a glyph the font lacks."""

    def __init__(self, card_label: str, message: str) -> None:
        self.card_label = card_label
        super().__init__(f"{card_label} : {message}")


class PreflightError(MakekitError):
    """A built kit that fails its own print checks (a bug of ours, or a user's image or font)."""

    def __init__(self, findings: list) -> None:
        self.findings = findings
        lines = [f"{f.file} : {f.message}" for f in findings]  # messages name their page
        super().__init__("\n".join(["le contrôle des fichiers a échoué :", *lines]))

    def lines(self) -> list[str]:
        return str(self).splitlines()

    @property
    def count(self) -> int:
        return len(self.findings)


class BatchFailed(MakekitError):
    """Some kits of a batch failed; their problems were already printed, kit by kit."""

    def __init__(self, failed: int, total: int) -> None:
        self.failed, self.total = failed, total
        super().__init__("")

    def lines(self) -> list[str]:
        return []

    def summary(self) -> str:
        built = self.total - self.failed
        return (
            f"Échec : {self.failed} kit{'s' if self.failed > 1 else ''} sur {self.total} "
            f"en échec ({built} construit{'s' if built > 1 else ''}). "
            "Les kits en échec n’ont pas été modifiés."
        )
