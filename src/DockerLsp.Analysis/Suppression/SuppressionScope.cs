namespace DockerLsp.Analysis.Suppression;

/// <summary>Where an inline suppression applies: the instruction below the comment, or the whole file.</summary>
public enum SuppressionScope
{
    Instruction,
    File,
}
